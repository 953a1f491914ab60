"""Which events from different articles describe the same incident, and why.

Two events are compatible when they share an event_type, a place (the same
gazetteer place or folded Arabic name, one town within 2 km, or within 10 km
when one is only approximately placed), days at most one apart, and doers
that do not contradict each other (outside battles, actor2 is a target that
outlets describe in many ways). A day is known only from an absolute date:
«اليوم» in an undated report says nothing about which day it was. So:

- both reports dated: compatible events link;
- either report undated: the pair must be corroborated, scoring the facts both
  share: the same village 2 (a city, which sees several incidents of a kind a
  day, 0), the weekday both name 2 (protests recur weekly: 1), the sub-event
  type 1, a named actor or state 1, the same dead 2, the same injured 2 (not
  a vague count's conventional figure), a
  weapon the sub-event type does not imply 1, twelve telling words in common
  1; at least 4;
- named doers that differ, or a dated report placing the act only in the
  province of the other's place: corroboration of at least 6.

The link reason lists what matched. An incident holds at most one event per
article, and a new event joins an incident only when it is compatible with or
linked to every event in it, and linked to one, so chains of near neighbours
(A near B near C) never merge two villages. Everything here is pure (the
gazetteer and word lists are read once); rasd.store calls it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from rasd.evaluate.score import fold_place_name, haversine_km
from rasd.extract.gazetteer import load_gazetteer
from rasd.model import Actor, Event, Location, Span
from rasd.resources import data_path
from rasd.text.months import WEEKDAYS
from rasd.text.normalize import fold_word, strip_article
from rasd.text.segment import tokenize

PLACE_RADIUS_KM = 10.0
# Two precisely placed, differently named places closer than this are one town
# and its quarter («حي طي» in «القامشلي»); farther, they are two villages.
SAME_TOWN_KM = 2.0
MAX_DAY_GAP = 1
REGION_PRECISION = 3
# Actor names that identify nobody in particular: they never contradict a named actor.
GENERIC_ACTOR_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")
# A state's army and its police are one side: «الأمن العسكري» and «الجيش» do not contradict.
STATE_FORCE_PREFIXES = ("Military Forces of ", "Police Forces of ")
# Gazetteer classes of a place big enough to see several incidents of one kind a day.
CITY_CLASSES = frozenset({"capital", "city", "governorate", "province", "district"})
# Weapons that every event of their kind uses: sharing them says nothing.
COMMON_WEAPONS = frozenset({"warplane", "air strike", "small arms", "rockets"})
# The event type whose two actors are both sides of it; elsewhere actor2 is a target.
TWO_SIDED_EVENT_TYPE = "Battles"
# The event type that recurs on one weekday (Friday protests), so a shared weekday tells less.
WEEKLY_EVENT_TYPE = "Protests"
# The figures EVENTS.md codes vague counts as («عدد من» 10, «عشرات» 12, «مئات» 100):
# two reports that say "several dead" share no figure.
VAGUE_COUNT_FIGURES = frozenset({10, 12, 100})
# How much corroboration a pair needs when the reports do not both give an absolute day.
UNDATED_MIN_SCORE = 4
# Two reports of one incident word it alike: this many telling words in common,
# and this share of the shorter report's, corroborate a link.
WORDING_MIN_SHARED = 12
WORDING_MIN_SHARE = 0.2
# Corroboration strong enough to outweigh named actors that disagree (actors are
# the field extraction gets wrong most: «دفاعات جوية سورية» read as the attacker)
# or a report placing the act only in the province («على طريق دير الزور»).
STRONG_SCORE = 6


@dataclass(frozen=True, slots=True)
class LinkEvent:
    """The parts of a stored event that decide links."""

    id: str
    article_key: str
    event_type: str
    day: date | None
    actors: frozenset[str]
    place_key: str
    gazetteer_id: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    weekday: int | None = None  # ISO weekday the report names («أمس الخميس» -> 4)
    sub_event_type: str | None = None
    fatalities: int = 0
    injuries: int | None = None
    weapons: frozenset[str] = frozenset()
    city: bool = False  # the place is a city or names an admin unit («الرقة»), not a village
    words: frozenset[str] = frozenset()  # the telling words of the article
    doers: frozenset[str] = frozenset()  # the named actor1: who did it, as opposed to whom it was done to


@dataclass(frozen=True, slots=True)
class Choice:
    """The incident an event joins and the reason for the link."""

    incident_id: str
    reason: str


def event_day(event: Event, published: str | None) -> str | None:
    """The event's ISO day: its own date, else publication day plus date_offset_days."""
    if event.date:
        return event.date[:10]
    if published and event.date_offset_days is not None:
        day = _parse_day(published)
        return (day + timedelta(days=event.date_offset_days)).isoformat() if day else None
    return None


def place_key(location: Location | None) -> str:
    """The folded Arabic name that identifies a place: «حي الزهراء» -> «زهراء»."""
    return fold_place_name(location.name_ar) if location else ""


@cache
def is_city(name_ar: str, admin1: str | None) -> bool:
    """Whether the gazetteer knows `name_ar` in `admin1` as a city or admin unit: «الرقة» yes, «كفرنبل» no."""
    return any(place.feature_class in CITY_CLASSES and _agrees(place.admin1_en, admin1)
               for place in load_gazetteer().lookup(name_ar))


@cache
def _stopwords() -> frozenset[str]:
    lines = data_path("lexicon", "link_stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(word_key(fold_word(w)) for w in lines if w and not w.startswith("#"))


def word_key(folded: str) -> str:
    """A folded word without «و ف» and an article after «ب ل ك»: «وبالقصف» -> «قصف»."""
    if folded[:1] in "وف" and len(folded) > 3:
        folded = folded[1:]
    for prefix in ("بال", "كال", "لل"):
        if folded.startswith(prefix) and len(folded) > len(prefix) + 2:
            return folded[len(prefix):]
    return strip_article(folded)


def evidence_words(text: str, evidence: Sequence[Span]) -> frozenset[str]:
    """The telling words of `evidence`, folded: «قصفت الطائرات كفرنبل اليوم» -> {قصفت, طايرات, كفرنبل}."""
    keys = (word_key(token.folded) for span in evidence for token in tokenize(span.quote(text)))
    return frozenset(k for k in keys if len(k) >= 3 and k not in _stopwords())


@lru_cache(maxsize=1024)
def article_words(text: str) -> frozenset[str]:
    """The telling words of a whole article (see evidence_words)."""
    return evidence_words(text, (Span(0, len(text)),))


def specific_actors(actors: Iterable[Actor | None]) -> frozenset[str]:
    """Canonical names of the actors that identify someone (not «Unidentified ...»)."""
    names = (a.name for a in actors if a and a.name)
    return frozenset(n for n in names if not n.startswith(GENERIC_ACTOR_PREFIXES))


@cache
def _folded_weekdays() -> dict[str, int]:
    return {fold_word(name): number for name, number in WEEKDAYS.items()}


def reported_weekday(text: str, evidence: Sequence[Span]) -> int | None:
    """The one weekday the event's sentences name: «قصف ... صباح اليوم الخميس» -> 4; None if none or several."""
    names = _folded_weekdays()
    found = set()
    for span in evidence:
        for token in tokenize(span.quote(text)):
            word = token.folded
            number = names.get(word) or (names.get(word[1:]) if word[:1] in "وفب" else None)
            if number:
                found.add(number)
    return found.pop() if len(found) == 1 else None


def link_event(
    event_id: str, article_key: str, event: Event, published: str | None, weekday: int | None = None,
    text: str | None = None,
) -> LinkEvent:
    """The linking view of one event of one article (`text`, the article's, gives its wording)."""
    loc = event.location
    day = event_day(event, published)
    return LinkEvent(
        id=event_id,
        article_key=article_key,
        event_type=event.event_type,
        day=_parse_day(day),
        actors=specific_actors((event.actor1, event.actor2)),
        place_key=place_key(loc),
        gazetteer_id=loc.gazetteer_id if loc else None,
        admin1=loc.admin1 if loc else None,
        country=loc.country if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        geo_precision=loc.geo_precision if loc else None,
        weekday=weekday,
        sub_event_type=event.sub_event_type,
        fatalities=event.fatalities or 0,
        injuries=event.injuries,
        weapons=frozenset(event.weapons),
        city=bool(loc and loc.name_ar) and is_city(loc.name_ar, loc.admin1),
        words=article_words(text) if text else frozenset(),
        doers=specific_actors((event.actor1,)),
    )


def same_place(a: LinkEvent, b: LinkEvent) -> str | None:
    """Why `a` and `b` are at one place, or None when they are not (or cannot be told)."""
    if REGION_PRECISION in (a.geo_precision, b.geo_precision) or not (a.place_key and b.place_key):
        return None
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return f"same gazetteer place {a.gazetteer_id}"
    if _same_name(a, b) and not _two_gazetteer_places(a, b):
        return f"same place name «{a.place_key}»"
    return _near(a, b)


def _same_name(a: LinkEvent, b: LinkEvent) -> bool:
    return a.place_key == b.place_key and _agrees(a.admin1, b.admin1) and _agrees(a.country, b.country)


def _two_gazetteer_places(a: LinkEvent, b: LinkEvent) -> bool:
    """Two different gazetteer places of one name (two villages called «المزرعة») more than a town apart."""
    if not (a.gazetteer_id and b.gazetteer_id) or None in (a.lat, a.lon, b.lat, b.lon):
        return bool(a.gazetteer_id and b.gazetteer_id)
    return haversine_km((a.lat, a.lon), (b.lat, b.lon)) > SAME_TOWN_KM


def _near(a: LinkEvent, b: LinkEvent) -> str | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    km = haversine_km((a.lat, a.lon), (b.lat, b.lon))
    both_precise = a.geo_precision == 1 and b.geo_precision == 1
    limit = SAME_TOWN_KM if both_precise else PLACE_RADIUS_KM
    return f"{km:.1f} km apart" if km <= limit else None


def _agrees(first: str | None, second: str | None) -> bool:
    """Unknown on either side, or the same name (case aside)."""
    return not (first and second) or first.casefold() == second.casefold()


def same_time(a: LinkEvent, b: LinkEvent) -> str | None:
    """Why the two days are compatible, or None when they are too far apart.

    Without both dates, the weekdays the reports name must be at most a day apart.
    """
    if a.day is None or b.day is None:
        return _same_weekday(a, b)
    gap = abs((a.day - b.day).days)
    if gap > MAX_DAY_GAP:
        return None
    return f"same day {a.day}" if gap == 0 else f"days {min(a.day, b.day)} and {max(a.day, b.day)}"


def _same_weekday(a: LinkEvent, b: LinkEvent) -> str | None:
    first, second = _weekday(a), _weekday(b)
    if first is None or second is None:
        return "the day is not known in both reports"
    gap = min((first - second) % 7, (second - first) % 7)
    return f"weekdays {first} and {second} (ISO)" if gap <= MAX_DAY_GAP else None


def _weekday(event: LinkEvent) -> int | None:
    return event.day.isoweekday() if event.day else event.weekday


def same_actors(a: LinkEvent, b: LinkEvent) -> str | None:
    """Why the actors agree (a shared named actor or side, or nothing to contradict), else None.

    Outside battles only the doers (actor1) can contradict: reports describe a
    target in many ways («مدنيين», «عناصر حراسة», «قوات الحكومة») and extraction
    errs most there.
    """
    if not a.actors or not b.actors:
        return "actors do not conflict"
    shared = sorted(a.actors & b.actors)
    if shared:
        return f"shared actor {shared[0]}"
    sides = sorted(_sides(a.actors) & _sides(b.actors))
    if sides:
        return f"one side: forces of {sides[0]}"
    if a.event_type != TWO_SIDED_EVENT_TYPE and not (a.doers and b.doers):
        return "the doers do not conflict"
    return None


def _sides(actors: frozenset[str]) -> frozenset[str]:
    """States whose army or police are among `actors`: "Police Forces of Syria (2000-2024)" -> "Syria (2000-2024)"."""
    return frozenset(name.removeprefix(prefix) for name in actors for prefix in STATE_FORCE_PREFIXES
                     if name.startswith(prefix))


def link_reason(a: LinkEvent, b: LinkEvent) -> str | None:
    """Why `a` and `b` are one incident, or None when they are not."""
    parts = compatibility(a, b)
    needed = 0 if a.day and b.day else UNDATED_MIN_SCORE
    if parts is None:
        parts, needed = loose_compatibility(a, b), STRONG_SCORE
    if parts is None:
        return None
    found = corroboration(a, b) if needed else []
    if sum(weight for weight, _ in found) < needed:
        return None
    if found:
        parts.append("corroborated by " + ", ".join(why for _, why in found))
    return f"{a.event_type}; " + "; ".join(parts)


def compatibility(a: LinkEvent, b: LinkEvent) -> list[str] | None:
    """Why nothing tells `a` and `b` apart (type, place, days, actors), or None when something does."""
    return _checked(a, b, (same_place, same_time, same_actors))


def loose_compatibility(a: LinkEvent, b: LinkEvent) -> list[str] | None:
    """What only strong corroboration turns into a link: named actors that differ, or
    one dated report placing the act only in the province the other names a place of."""
    return _checked(a, b, (_same_or_province, same_time, _actors_or_differ))


def _checked(a: LinkEvent, b: LinkEvent, checks: Sequence[Callable[[LinkEvent, LinkEvent], str | None]]
             ) -> list[str] | None:
    if a.article_key == b.article_key or a.event_type != b.event_type:
        return None
    parts = []
    for check in checks:
        part = check(a, b)
        if part is None:
            return None
        parts.append(part)
    return parts


def _same_or_province(a: LinkEvent, b: LinkEvent) -> str | None:
    """The same place, or (both dated) one report placing the act only in the other's province."""
    found = same_place(a, b)
    if found or not (a.day and b.day and a.admin1 and b.admin1):
        return found
    imprecise = max(a.geo_precision or REGION_PRECISION, b.geo_precision or REGION_PRECISION) > 1
    one_province = a.admin1.casefold() == b.admin1.casefold() and _agrees(a.country, b.country)
    return f"one report places it only in {a.admin1}" if imprecise and one_province else None


def _actors_or_differ(a: LinkEvent, b: LinkEvent) -> str:
    return same_actors(a, b) or "the actors differ"


def corroboration(a: LinkEvent, b: LinkEvent) -> list[tuple[int, str]]:
    """The facts two reports share beyond type and place, each with its weight.

    Without two absolute days, one place and one kind of act are not enough:
    a village is attacked again next week, a city sees protests every Friday.
    """
    found = [_place_evidence(a, b), _weekday_evidence(a, b), *_act_evidence(a, b), *_toll_evidence(a, b),
             _wording_evidence(a, b)]
    return [item for item in found if item is not None]


def _place_evidence(a: LinkEvent, b: LinkEvent) -> tuple[int, str] | None:
    """The same village named by both; a city sees several incidents of a kind a day, nearness proves nothing."""
    if not (a.gazetteer_id and a.gazetteer_id == b.gazetteer_id) and a.place_key != b.place_key:
        return None
    if a.geo_precision != 1 or b.geo_precision != 1 or a.city or b.city:
        return None
    return 2, "the same village"


def _weekday_evidence(a: LinkEvent, b: LinkEvent) -> tuple[int, str] | None:
    """The same weekday in both reports; protests recur weekly on one day (Friday), so they count it less."""
    first, second = _weekday(a), _weekday(b)
    if first is None or first != second:
        return None
    what = f"the same day {a.day}" if a.day and a.day == b.day else f"the same weekday {first} (ISO)"
    return (1 if a.event_type == WEEKLY_EVENT_TYPE else 2), what


def _act_evidence(a: LinkEvent, b: LinkEvent) -> list[tuple[int, str] | None]:
    """The same sub-event type, a shared named actor or side, a shared weapon its sub-event type does not imply."""
    implied = (a.sub_event_type or "").casefold()
    weapons = sorted(w for w in (a.weapons & b.weapons) - COMMON_WEAPONS if w.casefold() not in implied)
    actor = same_actors(a, b) if a.actors and b.actors else None
    same_sub_type = a.sub_event_type and a.sub_event_type == b.sub_event_type
    return [
        (1, f"the same sub-event type {a.sub_event_type}") if same_sub_type else None,
        (1, actor) if actor else None,
        (1, f"the same weapon {weapons[0]}") if weapons else None,
    ]


def _wording_evidence(a: LinkEvent, b: LinkEvent) -> tuple[int, str] | None:
    """Enough telling words in common, listed (a few) in the reason."""
    shared = sorted(a.words & b.words)
    smaller = min(len(a.words), len(b.words))
    if len(shared) < WORDING_MIN_SHARED or len(shared) < WORDING_MIN_SHARE * smaller:
        return None
    return 1, f"{len(shared)} words in common («{'، '.join(shared[:4])}»…)"


def _toll_evidence(a: LinkEvent, b: LinkEvent) -> list[tuple[int, str] | None]:
    """The same number of dead, the same number of injured (a zero or a vague count matches nothing)."""
    return [
        (2, f"the same toll of {a.fatalities} dead") if _same_figure(a.fatalities, b.fatalities) else None,
        (2, f"the same {a.injuries} injured") if _same_figure(a.injuries, b.injuries) else None,
    ]


def _same_figure(first: int | None, second: int | None) -> bool:
    return bool(first) and first == second and first not in VAGUE_COUNT_FIGURES


def choose_incident(event: LinkEvent, incidents: dict[str, Sequence[LinkEvent]]) -> Choice | None:
    """The largest incident `event` links to (ties: the smallest id).

    Every member must be compatible with `event` (one place, one day, no
    contradicting actor) or link to it, and at least one must link to it: what
    corroborates the identity of two undated reports need not be repeated by a third.
    """
    best: tuple[int, str, str] | None = None
    for incident_id, members in sorted(incidents.items()):
        reasons = {member.id: link_reason(event, member) for member in members}
        if not members or any(compatibility(event, m) is None and reasons[m.id] is None for m in members):
            continue
        linked = [(member, reasons[member.id]) for member in members if reasons[member.id]]
        if linked and (best is None or len(members) > best[0]):
            best = (len(members), incident_id, f"with {linked[0][0].id}: {linked[0][1]}")
    return Choice(best[1], best[2]) if best else None


def reconcile_fatalities(figures: Sequence[int]) -> tuple[int, int, int]:
    """(figure, lowest, highest): the figure most reports give, the lower on a tie.

    A zero means "no deaths reported", so it counts only when every report says it.
    """
    reported = [f for f in figures if f > 0] or [0]
    counts = Counter(reported)
    figure = min(reported, key=lambda f: (-counts[f], f))
    return figure, min(reported), max(reported)


def most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value; on a tie the one seen first."""
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
