"""Score predicted events against gold events (EVENTS.md section 6).

Everything here is a pure function over the JSON shape of EVENTS.md: events
and articles are plain dicts, as read from a gold `.jsonl` file or written by
`Article.to_dict()`. Per article, gold and predicted events are aligned one to
one (Hungarian matching); the figures of `Report` are micro-averaged over all
articles.
"""
from __future__ import annotations

import math
import re
import statistics
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Iterable, Mapping

from rasd.errors import InputError

from rasd.text.normalize import fold_word, strip_article

__all__ = ["ArticleScore", "Report", "align", "match_score", "score_articles", "strict_match"]

PLACE_RADIUS_KM = 10.0  # two coordinates this close are the same place
DATE_TOLERANCE_DAYS = 1  # alignment tolerates a one-day disagreement
EARTH_RADIUS_KM = 6371.0088
UNORDERED_EVENT_TYPES = frozenset({"Battles"})
UNORDERED_SUB_EVENT_TYPES = frozenset({"Agreement"})

# match_score = 1 + a bonus per agreeing detail; the bonuses only rank pairs.
_BONUS = 0.1
_MAX_BONUS = 3 * _BONUS

Event = Mapping[str, Any]


# --- Arabic place-name folding ------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")
# A leading generic place-type word is not part of the name: «حي طي» is «طي».
_TYPE_WORDS = frozenset({"حي", "قريه", "بلده", "مدينه", "مخيم", "ناحيه"})


def fold_place_name(name: str | None) -> str:
    """Fold a place name word by word, dropping punctuation and articles: "«الطَّفَس»" -> "طفس"."""
    if not name:
        return ""
    words = [word for word in _NON_WORD.split(fold_word(name)) if word]
    if len(words) > 1 and words[0] in _TYPE_WORDS:
        words = words[1:]
    return " ".join(strip_article(word) for word in words)


# --- Places and dates ---------------------------------------------------------

def _location(event: Event) -> Mapping[str, Any]:
    return event.get("location") or {}


def _coordinates(location: Mapping[str, Any]) -> tuple[float, float] | None:
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        return None
    return float(lat), float(lon)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _km_error(gold: Event, pred: Event) -> float | None:
    """Distance between the two locations; None unless both have coordinates."""
    a, b = _coordinates(_location(gold)), _coordinates(_location(pred))
    return haversine_km(a, b) if a and b else None


def _same_gazetteer_id(gold_loc: Mapping[str, Any], pred_loc: Mapping[str, Any]) -> bool:
    gid = gold_loc.get("gazetteer_id")
    return gid is not None and gid == pred_loc.get("gazetteer_id")


def _same_place(gold: Event, pred: Event) -> bool:
    """Same gazetteer id, or within PLACE_RADIUS_KM, or the same folded name_ar."""
    gold_loc, pred_loc = _location(gold), _location(pred)
    if not gold_loc or not pred_loc:
        return False
    if _same_gazetteer_id(gold_loc, pred_loc):
        return True
    km = _km_error(gold, pred)
    if km is not None and km <= PLACE_RADIUS_KM:
        return True
    name = fold_place_name(gold_loc.get("name_ar"))
    return bool(name) and name == fold_place_name(pred_loc.get("name_ar"))


def _iso_day(value: Any) -> date | None:
    """The calendar day of an ISO date or datetime string; None when unreadable."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _dates_close(gold: Event, pred: Event) -> bool:
    """Offsets, and ISO dates, within a day wherever both sides know them."""
    g_off, p_off = gold.get("date_offset_days"), pred.get("date_offset_days")
    if g_off is not None and p_off is not None and abs(g_off - p_off) > DATE_TOLERANCE_DAYS:
        return False
    g_day, p_day = _iso_day(gold.get("date")), _iso_day(pred.get("date"))
    if g_day and p_day and abs((g_day - p_day).days) > DATE_TOLERANCE_DAYS:
        return False
    return True


def _date_ok(gold: Event, pred: Event) -> bool:
    """Field accuracy: the offset or the ISO date equals gold's; an undated gold wants an undated prediction."""
    g_off, g_date = gold.get("date_offset_days"), _iso_day(gold.get("date"))
    if g_off is None and g_date is None:
        return pred.get("date_offset_days") is None and _iso_day(pred.get("date")) is None
    return (g_off is not None and g_off == pred.get("date_offset_days")) or (
        g_date is not None and g_date == _iso_day(pred.get("date"))
    )


def _date_strict_ok(gold: Event, pred: Event) -> bool:
    """Strict: every date gold knows (offset, ISO date) is equal in the prediction."""
    if gold.get("date_offset_days") is not None and gold["date_offset_days"] != pred.get("date_offset_days"):
        return False
    g_date = _iso_day(gold.get("date"))
    return g_date is None or g_date == _iso_day(pred.get("date"))


# --- Actors -------------------------------------------------------------------

def _actor_name(actor: Any) -> str | None:
    """The canonical English name of an actor object (ACTORS.md); None when absent."""
    if isinstance(actor, Mapping):
        actor = actor.get("name")
    return (actor.strip() or None) if isinstance(actor, str) else None


def _actor_names(event: Event) -> tuple[str | None, str | None]:
    return _actor_name(event.get("actor1")), _actor_name(event.get("actor2"))


def _is_unordered(gold: Event) -> bool:
    """Battles and Agreements have no attacker: their actor pair is unordered."""
    return (
        gold.get("event_type") in UNORDERED_EVENT_TYPES
        or gold.get("sub_event_type") in UNORDERED_SUB_EVENT_TYPES
    )


def _actors_ok(gold: Event, pred: Event) -> tuple[bool, bool]:
    """(actor1 correct, actor2 correct); the better orientation for unordered pairs."""
    g1, g2 = _actor_names(gold)
    p1, p2 = _actor_names(pred)
    straight = (g1 == p1, g2 == p2)
    if not _is_unordered(gold):
        return straight
    swapped = (g1 == p2, g2 == p1)
    return swapped if sum(swapped) > sum(straight) else straight


def _actor_strict_ok(gold: Event, pred: Event) -> bool:
    """Strict actor rule: actor1 equal; for unordered pairs the same pair as a set."""
    g1, g2 = _actor_names(gold)
    p1, p2 = _actor_names(pred)
    if not _is_unordered(gold):
        return g1 == p1
    if {g1, g2} == {p1, p2}:
        return True
    return g2 is None and g1 is not None and g1 in (p1, p2)


# --- Alignment ----------------------------------------------------------------

def _alignable(gold: Event, pred: Event) -> bool:
    return (
        bool(gold.get("event_type"))
        and gold.get("event_type") == pred.get("event_type")
        and _same_place(gold, pred)
        and _dates_close(gold, pred)
    )


def match_score(gold: dict, pred: dict) -> float | None:
    """Similarity of an alignable pair (1.0 plus up to 0.3 for agreeing details); None if not alignable."""
    if not _alignable(gold, pred):
        return None
    bonus = (
        (gold.get("sub_event_type") == pred.get("sub_event_type"))
        + _date_ok(gold, pred)
        + _actors_ok(gold, pred)[0]
    )
    return 1.0 + _BONUS * bonus


def align(gold_events: list[dict], pred_events: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: most matches first, best pairs second."""
    if not gold_events or not pred_events:
        return []
    # Imported here: the store and `rasd serve` use this module's place helpers, not the aligner.
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    # A match is worth more than all bonuses together, so the count is maximised first.
    match_value = 1.0 + _MAX_BONUS * min(len(gold_events), len(pred_events))
    weights = np.zeros((len(gold_events), len(pred_events)))
    for i, gold in enumerate(gold_events):
        for j, pred in enumerate(pred_events):
            score = match_score(gold, pred)
            if score is not None:
                weights[i, j] = match_value + (score - 1.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols) if weights[i, j] > 0]


def strict_match(gold: dict, pred: dict) -> bool:
    """Alignable, and the same sub_event_type, date and actor1 (actor pair for Battles/Agreements)."""
    return (
        _alignable(gold, pred)
        and gold.get("sub_event_type") == pred.get("sub_event_type")
        and _date_strict_ok(gold, pred)
        and _actor_strict_ok(gold, pred)
    )


# --- Field checks on a matched pair -------------------------------------------

def _location_ok(gold: Event, pred: Event) -> bool:
    """Same gazetteer id, or the same folded name_ar in the same admin1."""
    gold_loc, pred_loc = _location(gold), _location(pred)
    if _same_gazetteer_id(gold_loc, pred_loc):
        return True
    name = fold_place_name(gold_loc.get("name_ar"))
    return (
        bool(name)
        and name == fold_place_name(pred_loc.get("name_ar"))
        and fold_place_name(gold_loc.get("admin1")) == fold_place_name(pred_loc.get("admin1"))
    )


def _fatalities_ok(gold: Event, pred: Event) -> bool:
    return (gold.get("fatalities") or 0) == (pred.get("fatalities") or 0)


@dataclass(frozen=True, slots=True)
class _PairCheck:
    """What is right in one matched (gold, predicted) pair."""

    strict: bool
    sub_event_type: bool
    actor1: bool
    actor2: bool
    date: bool
    location: bool
    fatalities: bool
    km_error: float | None


def _check_pair(gold: Event, pred: Event) -> _PairCheck:
    actor1, actor2 = _actors_ok(gold, pred)
    return _PairCheck(
        strict=strict_match(gold, pred),
        sub_event_type=gold.get("sub_event_type") == pred.get("sub_event_type"),
        actor1=actor1,
        actor2=actor2,
        date=_date_ok(gold, pred),
        location=_location_ok(gold, pred),
        fatalities=_fatalities_ok(gold, pred),
        km_error=_km_error(gold, pred),
    )


# --- Reports ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ArticleScore:
    """One article's line of the breakdown, for finding failures."""

    id: str
    gold_events: int
    predicted_events: int
    matched: int
    strict: int
    control: bool
    missing: bool  # no predicted article carried this id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Report:
    """Every figure of an evaluation run (EVENTS.md section 6); None where undefined."""

    articles: int
    control_articles: int
    missing_articles: int
    extra_articles: int
    gold_events: int
    predicted_events: int
    matched: int
    strict_matched: int
    precision: float
    recall: float
    f1: float
    strict_precision: float
    strict_recall: float
    strict_f1: float
    sub_event_type_accuracy: float | None
    actor1_accuracy: float | None
    actor2_accuracy: float | None
    date_accuracy: float | None
    location_accuracy: float | None
    median_km_error: float | None
    km_pairs: int
    fatalities_accuracy: float | None
    control_clean_rate: float | None
    has_event_precision: float | None
    articles_per_second: float | None = None
    per_article: tuple[ArticleScore, ...] = ()

    def to_dict(self, include_articles: bool = False) -> dict[str, Any]:
        """The figures as JSON; the per-article breakdown only when asked for."""
        data = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "per_article"}
        if include_articles:
            data["per_article"] = [a.to_dict() for a in self.per_article]
        return data

    def format_table(self) -> str:
        """An aligned text table, one figure a line, for terminals and CI logs."""
        return _render_table(_table_rows(self))


def _table_rows(r: Report) -> list[tuple[str, Any, str]]:
    matched = f"on {r.matched} matched pairs"
    return [
        ("articles", r.articles, f"{r.missing_articles} without prediction, {r.extra_articles} predicted not in gold"),
        ("control articles", r.control_articles, ""),
        ("gold events", r.gold_events, ""),
        ("predicted events", r.predicted_events, ""),
        ("matched events", r.matched, "event_type + place + date within 1 day"),
        ("strict matched events", r.strict_matched, "+ sub_event_type, date, actor1"),
        ("event precision", r.precision, ""),
        ("event recall", r.recall, ""),
        ("event F1", r.f1, ""),
        ("strict precision", r.strict_precision, ""),
        ("strict recall", r.strict_recall, ""),
        ("strict F1", r.strict_f1, ""),
        ("sub_event_type accuracy", r.sub_event_type_accuracy, matched),
        ("actor1 accuracy", r.actor1_accuracy, matched),
        ("actor2 accuracy", r.actor2_accuracy, matched),
        ("date accuracy", r.date_accuracy, matched),
        ("location accuracy", r.location_accuracy, matched),
        ("median km error", r.median_km_error, f"on {r.km_pairs} pairs with coordinates"),
        ("fatalities exact rate", r.fatalities_accuracy, matched),
        ("control clean rate", r.control_clean_rate, f"on {r.control_articles} control articles"),
        ("has-event precision", r.has_event_precision, "articles with a predicted event that have gold events"),
        ("articles per second", r.articles_per_second, ""),
    ]


def _render_value(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _render_table(rows: list[tuple[str, Any, str]]) -> str:
    values = [_render_value(v) for _, v, _ in rows]
    name_w = max(len(name) for name, _, _ in rows)
    value_w = max(len(v) for v in values)
    lines = [f"{'metric':<{name_w}}  {'value':>{value_w}}  basis", f"{'-' * name_w}  {'-' * value_w}  -----"]
    for (name, _, note), value in zip(rows, values):
        lines.append(f"{name:<{name_w}}  {value:>{value_w}}  {note}".rstrip())
    return "\n".join(lines)


# --- Scoring articles ---------------------------------------------------------

def _as_dict(record: Any) -> dict[str, Any]:
    return record.to_dict() if hasattr(record, "to_dict") else record


def _by_id(articles: Iterable[Any], role: str) -> dict[str, dict[str, Any]]:
    """Index articles by id; a repeated id is an input error, not something to guess about."""
    index: dict[str, dict[str, Any]] = {}
    for article in map(_as_dict, articles):
        key = str(article.get("id"))
        if key in index:
            raise InputError(f"{role} articles repeat the id {key!r}")
        index[key] = article
    return index


def _is_control(gold_article: Mapping[str, Any]) -> bool:
    return gold_article.get("kind") == "control" or not gold_article.get("events")


def _score_article(gold_article: dict, pred_article: dict | None) -> tuple[ArticleScore, list[_PairCheck]]:
    gold_events = list(gold_article.get("events") or ())
    pred_events = list((pred_article or {}).get("events") or ())
    checks = [_check_pair(gold_events[i], pred_events[j]) for i, j in align(gold_events, pred_events)]
    line = ArticleScore(
        id=str(gold_article.get("id")),
        gold_events=len(gold_events),
        predicted_events=len(pred_events),
        matched=len(checks),
        strict=sum(c.strict for c in checks),
        control=_is_control(gold_article),
        missing=pred_article is None,
    )
    return line, checks


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def _rate(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def _field_figures(checks: list[_PairCheck]) -> dict[str, Any]:
    km = [c.km_error for c in checks if c.km_error is not None]
    return {
        "sub_event_type_accuracy": _rate([c.sub_event_type for c in checks]),
        "actor1_accuracy": _rate([c.actor1 for c in checks]),
        "actor2_accuracy": _rate([c.actor2 for c in checks]),
        "date_accuracy": _rate([c.date for c in checks]),
        "location_accuracy": _rate([c.location for c in checks]),
        "median_km_error": statistics.median(km) if km else None,
        "km_pairs": len(km),
        "fatalities_accuracy": _rate([c.fatalities for c in checks]),
    }


def _event_figures(lines: list[ArticleScore]) -> dict[str, Any]:
    gold = sum(a.gold_events for a in lines)
    pred = sum(a.predicted_events for a in lines)
    matched = sum(a.matched for a in lines)
    strict = sum(a.strict for a in lines)
    p, r = _ratio(matched, pred), _ratio(matched, gold)
    sp, sr = _ratio(strict, pred), _ratio(strict, gold)
    return {
        "gold_events": gold, "predicted_events": pred, "matched": matched, "strict_matched": strict,
        "precision": p, "recall": r, "f1": _f1(p, r),
        "strict_precision": sp, "strict_recall": sr, "strict_f1": _f1(sp, sr),
    }


def _article_figures(lines: list[ArticleScore]) -> dict[str, Any]:
    controls = [a for a in lines if a.control]
    flagged = [a for a in lines if a.predicted_events]
    return {
        "articles": len(lines),
        "control_articles": len(controls),
        "missing_articles": sum(a.missing for a in lines),
        "control_clean_rate": _rate([a.predicted_events == 0 for a in controls]),
        "has_event_precision": _rate([a.gold_events > 0 for a in flagged]),
    }


def score_articles(gold_articles: list[dict], predicted_articles: list[dict]) -> Report:
    """Score predicted articles against gold ones paired by `id`; a missing prediction predicts nothing."""
    gold_index = _by_id(gold_articles, "gold")
    pred_index = _by_id(predicted_articles, "predicted")
    lines: list[ArticleScore] = []
    checks: list[_PairCheck] = []
    for key, gold_article in gold_index.items():
        line, pair_checks = _score_article(gold_article, pred_index.get(key))
        lines.append(line)
        checks.extend(pair_checks)
    return Report(
        **_article_figures(lines),
        extra_articles=len(pred_index.keys() - gold_index.keys()),
        **_event_figures(lines),
        **_field_figures(checks),
        per_article=tuple(lines),
    )
