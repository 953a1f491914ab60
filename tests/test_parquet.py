"""Records as Parquet: explicit schema, input order across partitions, Article records back."""
import pyarrow as pa
import pyarrow.parquet as pq

from rasd.model import Article
from rasd.parquet import SCHEMA, articles_table, read_articles, read_keyed, read_records, write_partition
from rasd.pipeline import process


def test_partitions_read_back_in_input_order(tmp_path):
    first = process("قصفت طائرات مسيرة مواقع في بلدة الأتارب غربي حلب.", id="p1", published="2023-10-05")
    second = process("اعتقلت الشرطة ثلاثة محتجين في مدينة البصرة.", id="p2", outlet="basra-news")
    third = process("سقط صاروخ قرب مطار عدن الدولي.", id="p3")
    write_partition(articles_table([third], 2), tmp_path, 1)
    write_partition(articles_table([first, second], 0), tmp_path, 0)
    assert [r["id"] for r in read_records(tmp_path)] == ["p1", "p2", "p3"]
    back = list(read_articles(tmp_path))
    assert all(isinstance(a, Article) for a in back)
    assert back[0].to_dict() == first.to_dict()
    assert back[1].outlet == "basra-news"
    assert not list(tmp_path.glob(".*partial"))


def test_table_has_the_explicit_schema_and_columns(tmp_path):
    url = "https://hasaka.example/9"
    article = process("قتل مدنيان بانفجار لغم في ريف الحسكة.", id="p9", url=url, published="2022-01-30")
    path = write_partition(articles_table([article], 40), tmp_path, 3)
    table = pq.read_table(path)
    assert path.name == "part-00003.parquet"
    assert table.schema.equals(SCHEMA)
    row = table.to_pylist()[0]
    assert (row["position"], row["id"], row["url"], row["published"]) == (40, "p9", url, "2022-01-30")
    assert row["n_events"] == len(article.events)


def test_rows_carry_the_key_and_input_hash_given(tmp_path):
    article = process("أصيب جنديان بقذيفة هاون سقطت على حاجز في ريف درعا.", id="p4", url="https://daraa.example/4")
    write_partition(articles_table([article], 0, [("https://daraa.example/4", "abc123")]), tmp_path, 0)
    (keyed,) = read_keyed(tmp_path)
    assert (keyed.key, keyed.input_hash) == ("https://daraa.example/4", "abc123")
    assert keyed.article.to_dict() == article.to_dict()


def test_files_written_before_the_key_columns_still_load(tmp_path):
    with_url = process("قتل شخص برصاص مجهولين في حي الزهور بمدينة حمص.", id="o1", url=" https://homs.example/1 ")
    without_url = process("انفجرت عبوة ناسفة بدورية عسكرية قرب الميادين.", id="o2")
    old_schema = pa.schema([f for f in SCHEMA if f.name not in ("key", "input_hash")])
    pq.write_table(articles_table([with_url, without_url], 0).select(old_schema.names), tmp_path / "part-00000.parquet")
    first, second = read_keyed(tmp_path)
    assert first.key == "https://homs.example/1"
    assert second.key.startswith("sha256:") and second.article.id == "o2"
    assert first.input_hash.startswith("record:") and first.input_hash != second.input_hash
    assert [k.input_hash for k in read_keyed(tmp_path)] == [first.input_hash, second.input_hash]
