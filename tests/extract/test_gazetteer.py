"""The place table: indexing of spellings and the cached index."""
import gzip

from rasd.extract.gazetteer import _read_cache, _write_cache, build_gazetteer, cache_file

HEADER = ("id\tcountry_code\tname_ar\tname_en\talt_ar\tfeature_class\tlat\tlon\tadmin1_ar\tadmin1_en\t"
          "admin2_ar\tadmin2_en\tadmin3_ar\tadmin3_en\tpopulation\n")
ROWS = (
    "t:1\tSY\tكفر نبل\tKafr Nabl\t\ttown\t35.6\t36.5\tإدلب\tIdlib\t\t\t\t\t15000\n"
    "t:2\tIQ\tالموصل\tMosul\tموصل\tcity\t36.3\t43.1\tنينوى\tNinawa\t\t\t\t\t\n"
)


def tiny_table() -> bytes:
    return gzip.compress((HEADER + ROWS).encode("utf-8"))


def test_alternates_and_joined_spellings_find_the_row():
    gazetteer = build_gazetteer(tiny_table())
    assert gazetteer.lookup("كفرنبل")[0].admin1_en == "Idlib"
    assert gazetteer.lookup("موصل")[0].name_en == "Mosul"
    assert gazetteer.lookup("الموصل")[0].population == 0


def test_word_names_are_found_behind_clitics_and_not_inside_longer_words():
    names = build_gazetteer(tiny_table()).word_names
    assert set(names["وبالموصل"]) == {"الموصل"} and names["للموصل"] == ("الموصل",)
    assert names["كفرنبل"] == ("كفرنبل",)
    assert names["الموصلي"] == () and names["كالموصلات"] == () and names["تكفرنبل"] == ()


def test_cached_index_reads_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path))
    raw = tiny_table()
    path = cache_file(raw)
    assert path.parent == tmp_path and _read_cache(path) is None
    _write_cache(path, build_gazetteer(raw))
    cached = _read_cache(path)
    assert cached.lookup("كفر نبل") == build_gazetteer(raw).lookup("كفر نبل")
    assert list(cached.automaton.iter("في موصل ")) == [(7, "موصل")]
    assert list(cached.phrases.iter("في كفر نبل ")) == [(10, "كفر نبل")]
    assert list(cached.automaton.iter("في كفر نبل ")) == []   # one-word names only


def test_damaged_cache_is_ignored(tmp_path):
    path = tmp_path / "gazetteer-x.pickle"
    path.write_bytes(b"not a pickle")
    assert _read_cache(path) is None


def build_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_adds_the_bare_name_of_a_row_named_with_its_type_word():
    script = build_script()
    row = {"id": "t:3", "country_code": "YE", "name_ar": "مديرية الوادي", "name_en": "Al Wadi", "alt_names": "",
           "feature_class": "district", "lat": "15.7", "lon": "45.0", "admin1_ar": "مأرب", "admin1_en": "Ma'rib",
           "admin2_ar": "", "admin2_en": "", "admin3_ar": "", "admin3_en": "", "population": ""}
    assert script.compact_row(row)[4] == "الوادي"
    assert script.bare_alternates(["قرية", "الوادي"]) == []  # a type word alone is no name


def test_the_build_gives_a_row_without_a_governorate_that_of_its_nearest_neighbour():
    script = build_script()
    def row(id_, lat, lon, admin1):
        return [id_, "LB", "x", "", "", "village", lat, lon, "", admin1, "", "", "", "", ""]
    rows = [row("a", "33.10", "35.30", "Nabatieh"), row("b", "33.90", "35.50", "Beirut"), row("c", "33.12", "35.31", "")]
    assert script.with_borrowed_admin1(rows)[2][9] == "Nabatieh"
    far = [row("a", "33.10", "35.30", "Nabatieh"), row("c", "34.50", "36.00", "")]
    assert script.with_borrowed_admin1(far)[1][9] == ""  # nothing within reach: left as it was


def test_the_build_leaves_a_country_row_without_a_governorate():
    script = build_script()
    town = ["a", "YE", "x", "", "", "town", "15.00", "48.00", "", "Hadramawt", "", "", "", "", ""]
    country = ["b", "YE", "اليمن", "", "", "country", "15.01", "48.01", "", "", "", "", "", "", ""]
    assert script.with_borrowed_admin1([town, country])[1][9] == ""
