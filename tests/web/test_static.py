"""The assets the portal ships: base map, vendored libraries with licences, no foreign address."""
from __future__ import annotations

import json
import re

from rasd.web.render import web_path


def test_the_base_map_has_countries_and_governorates_of_the_region():
    features = json.loads(web_path("static", "basemap.json").read_text(encoding="utf-8"))["features"]
    countries = {f["properties"]["name"] for f in features if f["properties"]["kind"] == "country"}
    assert {"Syria", "Iraq", "Yemen", "Libya", "Sudan", "Lebanon", "Somalia", "Egypt"} <= countries
    governorates = {(f["properties"]["country"], f["properties"]["name_ar"]) for f in features
                    if f["properties"]["kind"] == "admin1"}
    assert {("SY", "درعا"), ("SY", "إدلب"), ("IQ", "نينوى")} <= governorates


def test_vendored_libraries_keep_their_licences():
    vendor = web_path("static", "vendor")
    assert (vendor / "leaflet" / "LICENSE").read_text(encoding="utf-8").startswith("BSD 2-Clause License")
    mit = (vendor / "leaflet.markercluster" / "MIT-LICENCE.txt").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in mit
    assert (vendor / "leaflet" / "leaflet.js").stat().st_size > 100_000


def test_our_scripts_styles_and_templates_name_no_foreign_address():
    own = [*web_path("static").glob("*.js"), *web_path("static").glob("*.css"), *web_path("templates").glob("*.html")]
    assert len(own) >= 10
    for path in own:
        addresses = re.findall(r"https?://[^\s\"')]+", path.read_text(encoding="utf-8"))
        assert [a for a in addresses if not a.startswith("http://www.w3.org/")] == [], path.name
