"""Assemble event records from the acts, places, actors, dates and casualties of an article.

Each act (rasd.extract.acts) becomes one event per place it names: «قصفت
الطائرات بلدتي X وY» gives two events. Its place, time, actors and
casualties are read from its own sentence first, then from the sentences
before it, then from the article's lead. Events of the same type, place,
day and actor are then merged (a headline, its body and a recap are one
event), keeping every evidence sentence.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date, timedelta
from typing import Any, Sequence

from rasd.extract.acts import (
    ALLY_WORDS, BATTLES, CLAUSE_BREAKS, PROTESTS, REMOTE, RIOTS, STRATEGIC, VAC, Act, find_acts, recalled_tokens, sentence_tokens,
    token_at,
)
from rasd.extract.lexicon import bare, bare_forms, load_lexicon
from rasd.extract.numbers import event_casualties
from rasd.text.normalize import fold_word
from rasd.extract.place_cues import cue_of
from rasd.extract.places import FITS_ANAPHOR, PlaceMention
from rasd.extract.sources import sources_for
from rasd.extract.actor_lexicon import country_words
from rasd.extract.actors import notables_of_town
from rasd.model import Actor, Event, Location, Span
from rasd.text.segment import Token

# Words right before a place that make it the origin or home of someone, not where the act was.
ORIGIN_WORDS = frozenset({"من", "ابناء", "اهالي", "سكان", "ينحدرون", "مهجري", "نازحي", "القادمين", "القادمون"})
DESTINATION_WORDS = frozenset({"الي", "باتجاه", "نحو", "صوب"})
# Words allowed between a place and a larger place that only locates it: «X بريف Y», «X في مدينة Y».
CONNECTOR_WORDS = frozenset({"في", "ب", "ضمن", "من", "داخل", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
                             "شرقي", "غربي", "التابعه", "التابع", "الواقعه", "الواقع", "ل", "و", "وسط", "قلب"})
ORIGIN_WINDOW = 2
# Acts whose «من X» is their own place: leaving, handing over, releasing, taking people away
# («اعتقلت شابين من بلدة X»: they were taken from X).
DEPARTURE_ACTS = frozenset({"agreement", "withdrawal", "handover", "release", "arrest", "abduction"})
CONTAINER_GAP = 4  # tokens
# A place is usually named after its act («قصفت ... بلدة X»); one named before it is farther.
PLACE_BEFORE_TRIGGER_COST = 1.5
AGENT_KINDS = frozenset({"state", "rebel", "militia", "external", "unidentified", "clan", "communal", "person"})
ARMED_KINDS = frozenset({"state", "rebel", "militia", "external", "unidentified", "clan"})
BACKGROUND_DAYS = 30
# Events less likely than this to be right are not reported (see `confidence`).
MIN_CONFIDENCE = 0.4


@dataclass(frozen=True)
class ArticleFacts:
    """What the event stage reads from the earlier stages of one article."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[Any, ...] = ()       # rasd.extract.actors.ActorMention
    times: tuple[Any, ...] = ()        # rasd.extract.dates.TimeMention
    casualties: tuple[Any, ...] = ()   # rasd.extract.numbers.CasualtyMention
    published: str | None = None
    country: str | None = None
    outlet: str | None = None
    sources: tuple[Any, ...] = ()      # rasd.extract.sources.SourceMention
    title_sentences: frozenset[int] = frozenset()  # the headline at the top of the text
    acts: tuple[Act, ...] = ()  # filled by extract_events once the acts are found

    @cached_property
    def by_sentence(self) -> dict[str, dict[int, list[Any]]]:
        """Places, actors, times and tolls grouped by sentence, built once (keeps long articles linear)."""
        groups: dict[str, dict[int, list[Any]]] = {}
        for name in ("places", "actors", "times", "casualties"):
            index: dict[int, list[Any]] = {}
            for item in getattr(self, name):
                index.setdefault(item.sentence, []).append(item)
            groups[name] = index
        return groups

    @cached_property
    def armed_sides(self) -> "ArmedSides":
        """The armed groups the article names (not as sources), counted once."""
        by_name: dict[str, list[Any]] = {}
        for mention in self.actors:
            if mention.kind in ARMED_KINDS and not _is_reporter(self, mention) and not _named_as_ally(self, mention):
                by_name.setdefault(mention.actor.name, []).append(mention)
        return ArmedSides(Counter({name: len(found) for name, found in by_name.items()}), by_name)

    @cached_property
    def battle_sentences(self) -> frozenset[int]:
        """Sentences that report fighting: the other side of a battle is named there."""
        return frozenset(a.sentence for a in self.acts if a.event_type == BATTLES and a.modality is None)

    @cached_property
    def groups_after_triggers(self) -> dict[int, dict[Span, int]]:
        """Per sentence, actor mentions right after a trigger word, with the index of that word (read once)."""
        triggers = load_lexicon("event_triggers")
        found: dict[int, dict[Span, int]] = {}
        for mention in self.actors:
            before = token_at(self.tokens, mention.span.start) - 1
            if before >= 0 and triggers.match_at(self.tokens, before):
                found.setdefault(mention.sentence, {})[mention.span] = before
        return found

    @cached_property
    def ranked_armed_sides(self) -> tuple[str, ...]:
        """Armed groups named in battle sentences first, then named most (the likely other side)."""
        sides, fighting = self.armed_sides, self.battle_sentences
        def weight(name: str) -> tuple[int, int]:
            return (sum(m.sentence in fighting for m in sides.by_name[name]), sides.counts[name])
        return tuple(sorted(sides.counts, key=weight, reverse=True))

    @cached_property
    def _recalled(self) -> dict[int, range]:
        return {}

    def recalled(self, sentence: int) -> range:
        """The tokens of the sentence a «في ذكرى», «بعد أيام من» clause looks back over (acts.recalled_tokens)."""
        if sentence not in self._recalled:
            bounds = sentence_tokens(self.tokens, self.sentences[sentence])
            self._recalled[sentence] = recalled_tokens(self.tokens, *bounds)
        return self._recalled[sentence]

    @cached_property
    def _memo(self) -> dict[tuple[str, Any], tuple[Any, Any]]:
        return {}

    def remembered(self, kind: str, key: Any, work) -> Any:
        """work(), computed once per `kind` and key object of this article (keys are held, so ids stay theirs)."""
        entry = self._memo.get((kind, id(key)))
        if entry is None or entry[0] is not key:
            entry = (key, work())
            self._memo[(kind, id(key))] = entry
        return entry[1]

    def in_sentence(self, name: str, sentence: int) -> list[Any]:
        """The `name` items («places», «actors», «times», «casualties») of one sentence."""
        return self.by_sentence[name].get(sentence, [])


@dataclass(frozen=True)
class ArmedSides:
    """How often the article names each armed group, and where."""

    counts: Counter
    by_name: dict[str, list[Any]]


@dataclass(frozen=True)
class Draft:
    """An event being built: the act, where, when, who, and how many."""

    act: Act
    place: PlaceMention | None
    place_inherited: bool
    offset: int | None = None
    day: str | None = None
    precision: int = 1
    time_in_sentence: bool = False
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: int = 0
    injuries: int | None = None
    evidence: tuple[Span, ...] = ()
    weapons: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sentences: frozenset[int] = field(default_factory=frozenset)
    doer_named: bool = False  # actor1 is named in the act's own sentence, not inferred
    reported: tuple | None = None  # (offset, day, precision) of the report, for an act its sentence leaves undated


# -- places ---------------------------------------------------------------------------


def _words_before(facts: ArticleFacts, mention: PlaceMention, count: int) -> list[str]:
    index = token_at(facts.tokens, mention.span.start)
    return [t.folded for t in facts.tokens[max(0, index - count):index]]


def _is_origin(facts: ArticleFacts, mention: PlaceMention, act: str) -> bool:
    """«من مدينة X», «أبناء بلدة X»: where people come from, not where the act was."""
    before = _words_before(facts, mention, ORIGIN_WINDOW)
    stripped = [w[1:] if w[:1] in "وف" and len(w) > 2 else w for w in before]
    if act != "incursion" and stripped[-1:] and stripped[-1] in DESTINATION_WORDS:
        return True
    if act in DEPARTURE_ACTS and stripped[-1:] == ["من"]:
        return False  # «خروج المطلوبين من طفس», «انسحبت من البلدة»: where the act was
    if _fired_from(facts, mention):
        return True
    return bool(stripped) and stripped[-1] in ORIGIN_WORDS


POSITION_WORDS = frozenset({"مواقع", "مواقعها", "مواقعه", "مواقعهم", "نقاط", "نقاطها", "نقاطه", "ثكنه",
                            "ثكناتها", "مقر", "مقرات", "مقراتها", "قاعده", "قاعدتها", "قواعدها", "تمركزها"})


def _fired_from(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«أطلقتها القوات من مواقعها في تل الجموع»: where the fire came from, not where it fell."""
    words = _words_before(facts, mention, 3)
    return "من" in words and bool(set(words) & POSITION_WORDS)


ASIDE_WORDS = frozenset({"غرار", "مثل", "اسوه", "كما في"})


def _is_aside(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«على غرار طفس», «مثل درعا»: a place named for comparison."""
    return bool(set(_words_before(facts, mention, 2)) & ASIDE_WORDS)


DESCRIPTION_WORDS = frozenset({"كان", "كانت", "الذي", "التي", "اللذين", "الذين", "وكان", "وكانت"})


def _is_description(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«..., حيث كان أحد المطلوبين في مدينة طفس»: a clause about someone's past, not the act."""
    index = token_at(facts.tokens, mention.span.start)
    words = []
    while index > 0 and facts.tokens[index - 1].folded not in ("،", ",", ".", ":"):
        index -= 1
        words.append(facts.tokens[index].folded)
    return bool(set(words) & DESCRIPTION_WORDS)


def _is_local(mention: PlaceMention) -> bool:
    """A place an event can be at: in a governorate, or a named spot the table lacks («بلدة X»)."""
    if mention.kind == "country":
        return False
    settled = mention.kind in SETTLED_KINDS and mention.location.lat is not None  # a row the table leaves unplaced
    unlisted = mention.location.gazetteer_id is None and (  # «بلدات X وY وZ»: every member, not the first only
        mention.span != mention.name_span or mention.kind in SETTLED_KINDS)
    return bool(mention.location.admin1) or settled or unlisted


SETTLED_KINDS = frozenset({"village", "town", "city", "capital", "neighbourhood", "locality", "camp"})


def _origins(facts: ArticleFacts, mentions: list[PlaceMention], act: str) -> list[PlaceMention]:
    """Origin places, the list after one included: «من مدن أريحا وسراقب وجبل الزاوية»."""
    origins: list[PlaceMention] = []
    for i, mention in enumerate(mentions):
        listed = i and mentions[i - 1] in origins and _listed_after(facts, mentions[i - 1], mention)
        if listed or _is_origin(facts, mention, act):
            origins.append(mention)
    return origins


def _listed_after(facts: ArticleFacts, first: PlaceMention, second: PlaceMention) -> bool:
    """«X وY», «X، Y»: the second name continues a list begun by the first."""
    between = "".join(c for c in facts.text[first.span.end:second.span.start] if c not in LIST_QUOTES).strip()
    if between in ("،", ","):
        return True
    return between in ("", "و") and (between == "و" or second.span.quote(facts.text).startswith("و"))


LIST_QUOTES = frozenset("\"'«»“”„‟‘’()")  # «منطقة "درع الفرات" و"غصن الزيتون"» is still a list


def _inside_actor(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«بين الجيش السوداني وقوات ...»: a place name that is part of an actor's name is no place."""
    name = mention.name_span or mention.span
    return any(a.span.start <= name.start and name.end <= a.span.end
               for a in facts.in_sentence("actors", mention.sentence))


def _is_container(facts: ArticleFacts, inner: PlaceMention, outer: PlaceMention) -> bool:
    """«X بريف Y», «X في مدينة Y», «X شرقي Y»: Y only says where X is."""
    if outer.span.start < inner.span.end:
        return False
    first = token_at(facts.tokens, inner.span.end)
    last = token_at(facts.tokens, outer.span.start)
    gap = facts.tokens[first:last]
    coordinated = facts.tokens[last].folded.startswith("و")  # «X وبلدة Y» is a list
    larger = _size(outer) > _size(inner) or (outer.location.geo_precision or 1) >= 3 or _named_as_unit(facts, outer)
    # «منطقة X جنوبي Y», «بلدة X في جبل Z جنوبي Y»: a bearing from Y only says where X lies
    bearing = outer.role == "direction" and (len(gap) <= 1 or _is_connector(gap[0].folded))  # «مخيم X للنازحين شمالي Y»
    linked = all(_is_connector(t.folded) for t in gap) or bearing
    return (larger or bearing) and not coordinated and len(gap) <= CONTAINER_GAP and linked


ADMIN_UNIT_WORDS = frozenset({"ناحيه", "قضاء", "مديريه", "محافظه", "ولايه", "عزله"})


def _named_as_unit(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«في ناحية البغدادي»: the text calls it an administrative unit, whatever row it resolved to."""
    word = facts.tokens[token_at(facts.tokens, mention.span.start)].folded
    return any(word.endswith(unit) and len(word) - len(unit) <= 2 for unit in ADMIN_UNIT_WORDS)


DISTRICT_UNIT_WORDS = frozenset({"ناحيه", "قضاء", "مديريه", "عزله"})


def _named_as_district(facts: ArticleFacts, mention: PlaceMention | None) -> bool:
    """«في مديرية حيس», «قضاء الطارمية»: the text names a district as the place (Yemen, Iraq report so)."""
    if mention is None:
        return False
    word = facts.tokens[token_at(facts.tokens, mention.span.start)].folded
    return any(word.endswith(unit) and len(word) - len(unit) <= 2 for unit in DISTRICT_UNIT_WORDS)


# How large a kind of place is, for telling a container from a neighbour in a list.
SIZE = {"country": 9, "governorate": 8, "province": 8, "district": 7, "subdistrict": 6, "capital": 6,
        "city": 5, "town": 4, "area": 4, "village": 3, "locality": 2, "camp": 2, "neighbourhood": 1}


def _size(mention: PlaceMention) -> int:
    return SIZE.get(mention.kind, 3)


def _is_connector(word: str) -> bool:
    """Words between a place and the larger one that locates it: «X جنوب العاصمة الليبية Y»."""
    if word in CONNECTOR_WORDS or word in ("،", ",", "-", "–") or word in ("العاصمه", "عاصمه"):
        return True
    if word.startswith("ال") and word.endswith(("يه", "ي")) and len(word) > 5:
        return True  # a nisba adjective: «الليبية», «السورية»
    return word.startswith(("ب", "و")) and word[1:] in CONNECTOR_WORDS


def _is_specific(mention: PlaceMention) -> bool:
    return (mention.location.geo_precision or 3) < 3


def sentence_places(facts: ArticleFacts, sentence: int, act: str) -> list[PlaceMention]:
    """The places of a sentence where its act happened, most specific, containers dropped."""
    named = [m for m in facts.in_sentence("places", sentence)
             if _is_local(m) and not _inside_actor(facts, m) and not _inside_source(facts, m)
             and not _is_dateline(facts, m) and not _recalled(facts, m)]
    origins = _origins(facts, named, act)
    here = [m for m in named if m not in origins]
    if not here and facts.in_sentence("casualties", sentence):
        # «قتل شابان من بلدة X» and nothing else: the victims' home town is the best guess,
        # then where they were heading («حاولوا العودة إلى بلدة X»)
        here = [m for m in named if not set(_words_before(facts, m, 1)) & DESTINATION_WORDS] or named
    here = [m for m in here if not _is_aside(facts, m)]
    told = [m for m in here if not _is_description(facts, m)]
    here = told or here
    kept = _drop_containers(facts, here)
    kept = _drop_between_partners(facts, kept)
    framed = [m for m in kept if not _is_topic_frame(facts, m)]
    kept = framed or kept  # «وفي خان يونس، ... على بلدة بني سهيلا»: the frame only opens the topic
    if any(_is_specific(m) for m in kept):
        kept = [m for m in kept if _is_specific(m)]
    narrow = {m.location.admin1 for m in kept if not _is_broad(m)}
    return [m for m in kept if not (_is_broad(m) and m.location.admin1 in narrow)]


def _recalled(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«في ذكرى مجزرة X، تظاهر ...»: a place inside a clause that looks back is not where today's act is."""
    recalled = facts.recalled(mention.sentence)
    return bool(recalled) and token_at(facts.tokens, mention.span.start) in recalled


SMALL_KINDS = frozenset({"neighbourhood", "area", "village", "locality"})


def _drop_containers(facts: ArticleFacts, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Drop the place that only locates the one before it («X بريف Y»); but when X is a spot the
    gazetteer lacks and Y a known quarter or village («حي الحوش بمنطقة المزة»), Y is the place
    (a city stays a container: «حي طي بمدينة القامشلي» is the quarter)."""
    kept: list[PlaceMention] = []
    for i, mention in enumerate(mentions):
        if i and _is_container(facts, mentions[i - 1], mention):
            inner = mentions[i - 1]
            unlisted = inner.location.gazetteer_id is None and mention.location.gazetteer_id
            if unlisted and (mention.kind in SMALL_KINDS or inner.kind == "road"):
                kept[kept.index(inner)] = mention  # «ساحة التحرير وسط بغداد»: a square is coded at its city
            continue
        kept.append(mention)
    return kept


def _inside_source(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«مراسل الرقة تذبح بصمت», «السويداء 24»: a place in the name of a source."""
    return any(s.span.start <= mention.span.start < s.span.end for s in facts.sources)


TOPIC_FRAMES = frozenset({"وفي", "اما", "واما"})
ATTRIBUTIONS = frozenset({"بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا"})
DATELINE = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—:]")


def _is_dateline(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«في دمشق، قالت وكالة سانا ...», «بغداد - قتل ...», «مقديشو (رويترز) –»: where the report was
    filed, not where the act was."""
    line_start = facts.text.rfind("\n", 0, mention.span.start) + 1
    if not facts.text[line_start:mention.span.start].strip() and DATELINE.match(facts.text, mention.span.end):
        return True
    first = token_at(facts.tokens, mention.span.end)
    opening = token_at(facts.tokens, mention.span.start)
    if opening and facts.tokens[opening - 1].folded in TOPIC_FRAMES:
        return False  # «وفي مأرب، أعلنت القوات ...»: a new topic's place, not a dateline
    lexicon = load_lexicon("reporting_verbs")
    ahead = facts.tokens[first:first + 2]
    if len(ahead) > 1 and ahead[1].folded in ATTRIBUTIONS:
        return False  # «... من مدينة الزقازيق، بحسب منظمة»: the source of what came before
    return bool(ahead) and ahead[0].folded in ("،", ",") and any(
        lexicon.match_at(facts.tokens, first + k) for k in range(1, len(ahead)))


def _is_topic_frame(facts: ArticleFacts, mention: PlaceMention) -> bool:
    """«وفي خان يونس، أصيب ...»: the place that opens a sentence as its topic, before a comma."""
    opening = token_at(facts.tokens, mention.span.start)
    after = token_at(facts.tokens, mention.span.end)
    return (0 < opening and facts.tokens[opening - 1].folded in TOPIC_FRAMES
            and after < len(facts.tokens) and facts.tokens[after].folded in ("،", ","))


def _drop_between_partners(facts: ArticleFacts, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """«بين X وY» is one place near X: Y is dropped."""
    kept = []
    for i, mention in enumerate(mentions):
        if i and mentions[i - 1].role == "between" and mention.span.start - mentions[i - 1].span.end <= 3:
            continue
        kept.append(mention)
    return kept


CLAUSE_APART = 10_000  # a place across «فيما», «بينما» from an act belongs to that act only if nothing else claims it


def _opener_between(facts: ArticleFacts, a: Span, b: Span) -> bool:
    first, last = sorted((a, b), key=lambda span: span.start)
    start, stop = token_at(facts.tokens, first.end), token_at(facts.tokens, last.start)
    return any(facts.tokens[i].folded in CLAUSE_OPENERS for i in range(start, stop))


def _nearest_places(facts: ArticleFacts, places: list[PlaceMention], acts: list[Act], act: Act) -> list[PlaceMention]:
    """The places of a sentence that belong to this act rather than to another act of it."""
    if len(acts) < 2:
        return places
    def distance(mention: PlaceMention, other: Act) -> float:
        apart = CLAUSE_APART * _opener_between(facts, mention.span, other.trigger)  # «..., فيما اعتقلت ...»
        if other.trigger.start <= mention.span.start:
            return apart + mention.span.start - other.trigger.end
        return apart + PLACE_BEFORE_TRIGGER_COST * (other.trigger.start - mention.span.end)
    owners = [min(acts, key=lambda a: distance(m, a)) for m in places]
    for i in range(1, len(places)):  # a list of places is not split between two acts
        if _listed_after(facts, places[i - 1], places[i]):
            owners[i] = owners[i - 1]
    return [m for m, owner in zip(places, owners) if owner is act]


# -- time ------------------------------------------------------------------------------


def _iso_plus(published: str | None, days: int | None) -> str | None:
    if not published or days is None:
        return None
    try:
        return (date.fromisoformat(published) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _time_of(mention) -> tuple[int | None, str | None, int]:
    return mention.offset_days, mention.date, mention.precision


def _sentence_time(facts: ArticleFacts, act: Act):
    here = [t for t in facts.in_sentence("times", act.sentence)
            if t.kind != "past_year" and not _describes_another(facts, t, act)]
    if not here:
        return None
    return min(here, key=lambda t: abs(t.span.start - act.trigger.start))


def _report_time(facts: ArticleFacts, mention, act: Act) -> bool:
    """A time between a reporting verb and the act it reports («أفاد مصدر، اليوم، بمقتل ...»)."""
    if mention.span.end > act.trigger.start:
        return False
    lexicon = load_lexicon("reporting_verbs")
    first = token_at(facts.tokens, facts.sentences[act.sentence].start)
    before = token_at(facts.tokens, mention.span.start)
    verbs = [i for i in range(first, before) if lexicon.match_at(facts.tokens, i)]
    # «ذكرت المصادر أن الجيش خاض، منذ صباح أمس، معارك»: after «أن» the time is the report's content
    return bool(verbs) and not any(facts.tokens[i].folded in REPORTED_CONTENT for i in range(verbs[0], before))


REPORTED_CONTENT = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", ":", '"', "«", "“"})


def lead_time(facts: ArticleFacts):
    """The first dated expression of the article: what an undated report refers to."""
    return next((t for t in facts.times if t.kind != "past_year" and t.offset_days is not None), None)


def is_background(facts: ArticleFacts, act: Act) -> bool:
    """An act in a sentence about a past year, or dated more than 30 days before publication."""
    for mention in facts.in_sentence("times", act.sentence):
        if _describes_another(facts, mention, act):
            continue
        if mention.kind == "past_year":
            return True
        if mention.offset_days is not None and mention.offset_days < -BACKGROUND_DAYS:
            return True
    return False


RELATIVE_PRONOUNS = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
RELATIVE_REACH = 8  # tokens from a relative pronoun to a time it governs


def _describes_another(facts: ArticleFacts, mention, act: Act) -> bool:
    """«... للمجزرة التي ارتكبها التنظيم في حزيران 2014، ونظموا وقفة»: a time inside a relative
    clause the act is not in dates the noun it describes, not the act."""
    first = token_at(facts.tokens, mention.span.start)
    for index in range(first - 1, max(-1, first - RELATIVE_REACH), -1):
        word = facts.tokens[index].folded
        if word in CLAUSE_BREAKS:
            return False
        if word in RELATIVE_PRONOUNS:
            end = next((k for k in range(first, len(facts.tokens)) if facts.tokens[k].folded in CLAUSE_BREAKS
                        or facts.tokens[k].span.start >= facts.sentences[act.sentence].end), len(facts.tokens))
            return not index <= act.first_token < end
    return False


def assign_time(facts: ArticleFacts, draft: Draft, previous: Draft | None) -> Draft:
    """The date of an event: its sentence's, else the event before it, else the lead's, else the day of publication."""
    mention = _sentence_time(facts, draft.act)
    if mention is not None and _report_time(facts, mention, draft.act):
        # «أفاد مصدر، اليوم الثلاثاء، بمقتل ...»: the day of the report; a later sentence may date the act
        offset, day, precision = _time_of(mention)
        return replace(draft, offset=None, day=None, time_in_sentence=True,
                       reported=(offset, day or _iso_plus(facts.published, offset), precision))
    if mention is not None:
        offset, day, precision = _time_of(mention)
        return replace(draft, offset=offset, day=day or _iso_plus(facts.published, offset),
                       precision=precision, time_in_sentence=True)
    if previous is not None and previous.act.sentence == draft.act.sentence - 1 and previous.time_in_sentence:
        return replace(draft, offset=previous.offset, day=previous.day, precision=previous.precision)
    lead = lead_time(facts)
    offset, precision = (lead.offset_days, lead.precision) if lead else (0, 1)
    return replace(draft, offset=offset, day=_iso_plus(facts.published, offset), precision=precision)


# -- actors ----------------------------------------------------------------------------


def _sentence_actors(facts: ArticleFacts, sentence: int) -> list[Any]:
    """The actor mentions of a sentence that may act: not the ones reporting it."""
    return [a for a in facts.in_sentence("actors", sentence) if not _is_reporter(facts, a)]


def _is_reporter(facts: ArticleFacts, mention) -> bool:
    """Whether a group is named as the source of the report (_reports), asked once per mention."""
    return facts.remembered("reporter", mention, lambda: _reports(facts, mention))


def _reports(facts: ArticleFacts, mention) -> bool:
    """«أعلنت خلية الإعلام الأمني», «بحسب المرصد»: a group named as the source of the report (not
    «أعلنت خلية الإعلام الأمني القبض على ...» or «نفذ الجيش الإسرائيلي توغلا», where it acts)."""
    after = _past_aside(facts, token_at(facts.tokens, mention.span.end), mention.sentence)
    announced = load_lexicon("event_triggers").match_at(facts.tokens, after) if after < len(facts.tokens) else None
    source = any(s.span.start <= mention.span.start < s.span.end for s in facts.sources)
    if not _reported_by(facts, mention):
        return source and not (mention.kind in ARMED_KINDS and (announced or _right_after_trigger(facts, mention)))
    if announced:
        return source and announced.values[1] == "v"  # «وبحسب الجيش، قصفت ...»: the verb has its own subject
    return not _refers_to_itself(facts.tokens[after:after + 2])


def _right_after_trigger(facts: ArticleFacts, mention) -> bool:
    """«قصف الجيش الإسرائيلي بلدة ...»: a group right after a trigger verb is its subject."""
    before = token_at(facts.tokens, mention.span.start) - 1
    return mention.span in facts.groups_after_triggers.get(mention.sentence, {}) or any(
        act.last_token == before for act in facts.acts if act.sentence == mention.sentence)  # «فجر الجيش ... المنازل»


def _reported_by(facts: ArticleFacts, mention) -> bool:
    """A reporting verb («أعلنت», «قال») or an attribution («بحسب», «وفق») just before a group."""
    first = token_at(facts.tokens, mention.span.start)
    lexicon = load_lexicon("reporting_verbs")
    before = range(max(0, first - 2), first)
    return any(lexicon.match_at(facts.tokens, i) or set(bare_forms(facts.tokens[i].folded)) & ATTRIBUTIONS for i in before)


def _past_aside(facts: ArticleFacts, index: int, sentence: int) -> int:
    """The first token after `index` not in a comma or a time expression: «أعلن الجيش، اليوم
    الخميس، استعادة ...» reads on to «استعادة»."""
    times = [t.span for t in facts.in_sentence("times", sentence)]
    while index < len(facts.tokens) and (facts.tokens[index].folded in ("،", ",")
                                         or any(s.start <= facts.tokens[index].span.start < s.end for s in times)):
        index += 1
    return index


# «أعلن الجيش أنه استعاد ...»: the group that reports its own act is its doer.
SELF_REFERENCE = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم"})
THAT = frozenset({"ان", "بان"})
OWN_SUFFIXES = ("ها", "هم", "ه")


def _refers_to_itself(words) -> bool:
    """«أنه», or «أن» and a noun of its own («أعلنت سرايا القدس أن مقاتليها فجروا ...»)."""
    folded = [t.folded for t in words]
    if any(word in SELF_REFERENCE for word in folded):
        return True
    return len(folded) == 2 and folded[0] in THAT and len(folded[1]) > 4 and folded[1].endswith(OWN_SUFFIXES)


def pick_actors(facts: ArticleFacts, act: Act) -> tuple[Any, Any]:
    """(actor1, actor2) mentions of an act's sentence (_picked_actors), read once per act."""
    return facts.remembered("actors", act, lambda: _picked_actors(facts, act))


def _picked_actors(facts: ArticleFacts, act: Act) -> tuple[Any, Any]:
    """(actor1, actor2) mentions of an act's sentence: the doer before the trigger, the target after."""
    mentions = _sentence_actors(facts, act.sentence)
    if act.event_type in (PROTESTS, RIOTS):
        crowd = [m for m in mentions if m.kind in ("protesters", "rioters")]
        force = [m for m in mentions if m.kind in ARMED_KINDS]
        return (crowd[0] if crowd else None), (force[0] if force and act.sub_event_type != "Peaceful protest" else None)
    agents = [m for m in mentions if m.kind in AGENT_KINDS and not _counted_victims(facts, m)
              and not _membership(facts, m)]
    # «غارات روسية»: a group named in the trigger's own phrase (the bare noun «غارات» names nobody)
    holding = [m for m in mentions if m.kind in AGENT_KINDS  # even inside a toll: «ضحايا القصف الإسرائيلي»
               and m.span.start < act.trigger.end and act.trigger.start < m.span.end  # «إحباط هجوم حوثي»
               and m.span != act.trigger]
    opened = facts.sentences[act.sentence].start if act.verbal else _clause_start(facts, act)
    before = [m for m in agents if opened <= m.span.start and m.span.end <= act.trigger.start]
    suffered = _passive_subjects(facts, act, before)  # «تعرض مقر للحشد لضربة جوية»: the group was hit
    before = [m for m in before if m not in suffered]
    before = [m for m in before if not _named_as_ally(facts, m)] or before  # «نفذ الحشد بإسناد من الجيش عملية»
    after = [m for m in mentions if m.span.start >= act.trigger.end]
    # «قصفت قوات النظام», «إلقاء مروحيات النظام»: the group right after a verb or verbal noun
    genitive = next((m for m in after if m.kind in AGENT_KINDS and act.act != "explosion"
                     and not (m.kind == "person" and before)  # «القوات اعتقلت المواطن X»: the object
                     and not _counted_victims(facts, m)  # «اغتيال عنصر من قسد»: the victim
                     and token_at(facts.tokens, m.span.start) == act.last_token + 1), None)
    marked = next((m for m in after if m.kind in AGENT_KINDS and _marked_agent(facts, act, m)), None)
    if marked is None and _weapon_is_subject(facts, act):  # «استهدفت طائرة مسيرة حوثية»: whose weapon
        marked = next((m for m in after if m.kind in AGENT_KINDS
                       and token_at(facts.tokens, m.span.start) <= act.last_token + WEAPON_OWNER_REACH), None)
    if before and _means_of_a_verb(facts, act):  # «ردت كتائب القسام باستهداف دبابة»: the verb's subject
        genitive = None
    doer = holding[0] if holding else genitive or marked or (_subject(facts, before) if before else next(
        (m for m in after if _doer_after(facts, act, m) and not _weapon_is_subject(facts, act)
         and not _counted_victims(facts, m)), None))
    named, doer = doer, _affiliation(facts, doer, mentions)
    others = _doers_of_other_acts(facts, act)
    target = next((m for m in after if m is not doer and m is not named and _differs(m, doer) and m.span not in others
                   and not _named_as_ally(facts, m)
                   and not (doer is None and m.kind == "unidentified")), None)  # «طائرات مجهولة» struck
    if target is None and suffered:
        target = suffered[0]
    if target is None and act.event_type != STRATEGIC:
        target = next((m for m in mentions if m.kind == "civilians" and m is not doer), None)
    if target is None and act.event_type != STRATEGIC:
        target = next((m for m in mentions if m.kind in ARMED_KINDS and m is not doer and _differs(m, doer)
                       and _counted_victims(facts, m)), None)
    return doer, target


def _means_of_a_verb(facts: ArticleFacts, act: Act) -> bool:
    """«ردت القوات باستهداف ...», «قامت الطائرات بقصف ...»: a «بـ» verbal noun tells how the verb
    before it acted, so the group after it is its object and the verb's subject is the doer."""
    return not act.verbal and facts.tokens[act.first_token].folded.startswith(("ب", "وب"))


# Words that open a new clause with its own subject: «قصفت X البلدة، فيما استهدفت غارات أخرى ...».
CLAUSE_OPENERS = frozenset({"فيما", "بينما", "وفيما", "وبينما", "حين"})


def _clause_start(facts: ArticleFacts, act: Act) -> int:
    """Where a nominal act's clause opens: after the last «فيما», «بينما», «في حين» before its
    trigger (a group named before that is the earlier clause's subject or object; a verb after
    «فيما» with no subject of its own shares the earlier one, so verbal acts do not ask)."""
    first, _ = sentence_tokens(facts.tokens, facts.sentences[act.sentence])
    for index in range(act.first_token - 1, first - 1, -1):
        word = facts.tokens[index].folded
        if word.startswith("ب"):
            break  # «فيما استهدفت بأربع قذائف»: an instrument, so the verb's subject is the earlier one
        if word in CLAUSE_OPENERS:
            return facts.tokens[index].span.end
    return facts.sentences[act.sentence].start


PASSIVE_VERBS = ("تعرض", "تعرضت", "يتعرض", "تتعرض", "وتعرض", "وتعرضت")


def _passive_subjects(facts: ArticleFacts, act: Act, before: list[Any]) -> list[Any]:
    """The groups between «تعرض» and the act it suffered («تعرض مقر للحشد لضربة»): its targets."""
    first, _ = sentence_tokens(facts.tokens, facts.sentences[act.sentence])
    passive = next((i for i in range(act.first_token - 1, first - 1, -1)
                    if facts.tokens[i].folded in PASSIVE_VERBS), None)
    if passive is None:
        return []
    return [m for m in before if m.span.start >= facts.tokens[passive].span.end]


def _named_as_ally(facts: ArticleFacts, mention) -> bool:
    """«بدعم من طيران التحالف», «بمساندة القوات الروسية»: who helped, not who was hit."""
    first = token_at(facts.tokens, mention.span.start)
    return bool({t.folded for t in facts.tokens[max(0, first - 2):first]} & ALLY_WORDS)


def _doers_of_other_acts(facts: ArticleFacts, act: Act) -> set[Span]:
    """Spans of groups named right after another trigger of the sentence («إلقاء مروحيات النظام»):
    that act's doers, not this one's targets."""
    groups = facts.groups_after_triggers.get(act.sentence, {})
    return {span for span, trigger in groups.items() if trigger != act.last_token}


# Words that introduce the doer of a passive or nominal act: «هجوم شنته حركة الشباب», «من قبل»,
# «طائرة مسيرة تابعة لقوات X».
AGENT_MARKERS = frozenset({"شنته", "شنتها", "شنها", "شنه", "نفذته", "نفذتها", "نفذها", "نفذه", "قبل", "تابعه", "التابعه",
                           "تبنته", "تبناه", "اطلقتها", "اطلقها", "مصدره", "مصدرها"})


MARKER_REACH = 3  # tokens after the trigger where «شنته», «من قبل» still speak of it
WEAPON_OWNER_REACH = 2  # «استهدفت طائرة مسيرة حوثية»: a group this close qualifies the weapon


def _marked_agent(facts: ArticleFacts, act: Act, mention) -> bool:
    """«هجوم شنته حركة الشباب»: a marker right after the trigger names its doer (not «بعد محاصرته
    من قبل X», which names who besieged)."""
    first = token_at(facts.tokens, mention.span.start)
    return any(facts.tokens[i].folded in AGENT_MARKERS and (facts.tokens[i].folded not in OWNER_MARKERS
                                                            or _owned_weapon(facts, i))
               for i in range(max(act.last_token + 1, first - 2), first) if i - act.last_token <= MARKER_REACH)


OWNER_MARKERS = frozenset({"تابعه", "التابعه"})
AFFILIATION_WORDS = frozenset({"تابعون", "تابعين", "التابعين", "التابعون", "تابع", "التابع", "تابعه", "التابعه",
                               "ينتمون", "ينتمي", "المنتمين", "منتمين"})


def _affiliation(facts: ArticleFacts, doer, mentions: list[Any]):
    """«مسلحون تابعون لقوات الدعم السريع»: unnamed gunmen said to belong to a group are that group."""
    if doer is None or doer.kind != "unidentified":
        return doer
    after = token_at(facts.tokens, doer.span.end)
    if after >= len(facts.tokens) or facts.tokens[after].folded not in AFFILIATION_WORDS:
        return doer
    owner = next((m for m in mentions if token_at(facts.tokens, m.span.start) in (after + 1, after + 2)), None)
    return owner if owner is not None and owner.kind in ARMED_KINDS and owner.kind != "unidentified" else doer


def _owned_weapon(facts: ArticleFacts, marker: int) -> bool:
    """«مسيرة تابعة لقوات X» names whose weapon struck; «حافلة تابعة لوزارة الدفاع» names whose bus was hit."""
    weapons = load_lexicon("weapons")
    return any((m := weapons.match_at(facts.tokens, i)) is not None and m.last == marker - 1
               for i in range(max(0, marker - 3), marker))


def _counted_victims(facts: ArticleFacts, mention) -> bool:
    """«قتل خمسة جنود صوماليين», «قتل عنصران من الشرطة»: the people a toll counts, or the group
    they are counted «من», are its victims, not the doers."""
    start = mention.span.start
    for toll in facts.in_sentence("casualties", mention.sentence):
        between = facts.text[toll.span.end:start].split()
        if toll.span.start <= start < toll.span.end or (toll.span.end <= start and between in (["من"], ["من", "عناصر"])):
            return True
    return False


MEMBERSHIP_WORDS = frozenset({"الانتماء", "بالانتماء", "لانتمائه", "لانتمائهم", "بانتمائه", "بتهمه", "بتهم"})


def _membership(facts: ArticleFacts, mention) -> bool:
    """«اعتقلت متهما بالانتماء لداعش»: the group those acted on belong to, not the doer."""
    first = token_at(facts.tokens, mention.span.start)
    return bool({t.folded for t in facts.tokens[max(0, first - 2):first]} & MEMBERSHIP_WORDS)


def _weapon_is_subject(facts: ArticleFacts, act: Act) -> bool:
    """«قصفت طائرات مسيرة مجهولة مقرا للحشد»: the subject is a weapon, so the group after is the target."""
    following = act.last_token + 1
    return act.verbal and following < len(facts.tokens) and load_lexicon("weapons").match_at(facts.tokens, following) is not None


def _unknown_doer(facts: ArticleFacts, act: Act) -> bool:
    """«طائرات مجهولة», «مسلحون مجهولو الهوية», «ضربات مجهولة المصدر»: the text says nobody knows who."""
    first, stop = sentence_tokens(facts.tokens, facts.sentences[act.sentence])
    return any(t.folded.startswith(("مجهول", "مجهوله")) for t in facts.tokens[first:stop])


def _subject(facts: ArticleFacts, before: list[Any]) -> Any:
    """The doer among the groups named before a trigger: the last one, or the first of the
    pair it ends («الجيش السوري والدفاع الوطني حررا»: the army)."""
    index = len(before) - 1
    while index > 0 and _conjoined(facts, before[index - 1], before[index]):
        index -= 1
    return before[index]


def _conjoined(facts: ArticleFacts, first, second) -> bool:
    between = "".join(c for c in facts.text[first.span.end:second.span.start] if c not in LIST_QUOTES).strip()
    if between in ("،", ","):
        return True
    return between in ("", "و") and (between == "و" or second.span.quote(facts.text).startswith("و"))


LIST_QUOTES = frozenset("\"'«»“”„‟‘’()")  # «منطقة "درع الفرات" و"غصن الزيتون"» is still a list


# Words before a group named after an explosion that make it the bomber, not the target.
BOMBER_MARKERS = frozenset({"قبل", "مخلفات", "زرعها", "زرعه", "زرعتها", "زرعته", "نفذها", "نفذه", "تبناه", "تبنته", "تبني"})


def _doer_after(facts: ArticleFacts, act: Act, mention) -> bool:
    """A group named after the trigger did the act, except after a blast, where it is hit unless marked."""
    if mention.kind not in AGENT_KINDS:
        return False
    if act.act not in ("explosion", "suicide"):
        return True
    first = token_at(facts.tokens, mention.span.start)
    return any(t.folded in BOMBER_MARKERS for t in facts.tokens[max(0, first - 3):first])


def _differs(mention, other) -> bool:
    return other is None or mention.actor.name != other.actor.name


def default_actor(facts: ArticleFacts, act: Act, previous: Draft | None) -> Actor | None:
    """Who acted when the sentence does not say: unknown bombers, the crowd, or the last doer."""
    country = facts.country or "Syria"
    unknown = act.event_type in (REMOTE, BATTLES, VAC) and _unknown_doer(facts, act)
    if (unknown or act.act in ("explosion", "shooting", "killing", "abduction")) and act.event_type != PROTESTS:
        return Actor(f"Unidentified Armed Group ({country})", "مجموعة مسلحة مجهولة", 3)
    if act.event_type == PROTESTS:
        return Actor(f"Protesters ({country})", "متظاهرون", 6)
    if act.event_type == RIOTS:
        return Actor(f"Rioters ({country})", "مشاغبون", 5)
    if previous is not None and previous.actor1 is not None and previous.act.event_type == act.event_type:
        return previous.actor1
    if act.event_type in (BATTLES, VAC, REMOTE):  # «قتل جنديان في هجوم على نقطة»: nobody named
        return Actor(f"Unidentified Armed Group ({country})", "مجموعة مسلحة مجهولة", 3)
    return None


def assign_actors(facts: ArticleFacts, draft: Draft, previous: Draft | None) -> Draft:
    doer, target = pick_actors(facts, draft.act)
    if doer is None and draft.act.event_type in (REMOTE, BATTLES, VAC):
        doer = _claimant(facts, draft.act)
    actor1 = doer.actor if doer is not None else default_actor(facts, draft.act, previous)
    actor2 = target.actor if target is not None else None
    if draft.act.sub_event_type == "Agreement":
        actor1, actor2 = agreement_parties(facts, draft.act, actor1, actor2)
    if draft.act.event_type == RIOTS and actor1 is not None and actor1.type == 6:
        actor1 = Actor(f"Rioters ({facts.country or 'Syria'})", "مشاغبون", 5)  # «أغلق محتجون الطريق بالإطارات المشتعلة»
    if draft.act.act == "statement":
        actor2 = None  # a community's statement is its own act; whom it speaks of is no party
    if actor2 is None and draft.act.event_type == BATTLES and actor1 is not None and _infighting(facts, draft.act):
        actor2 = actor1  # «اشتباكات بين فصيلين من الجيش الوطني»: both sides are that group
    if actor2 is None and draft.act.event_type == BATTLES:
        actor2 = _reporting_side(facts, draft.act, actor1) or opponent(facts, draft.act, actor1)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name and draft.act.event_type != BATTLES:
        actor2 = None  # «... وتبنت حركة الشباب الهجوم»: the claimant, named twice, is not its own target
    if actor2 is None and (_civilian_victims(facts, draft.act) or draft.act.sub_event_type in TAKEN_AWAY):
        actor2 = Actor(f"Civilians ({facts.country or 'Syria'})", "مدنيون", 7)  # those arrested or abducted, unless named
    return _retype(facts, replace(draft, actor1=actor1, actor2=actor2, doer_named=doer is not None), target)


TAKEN_AWAY = frozenset({"Arrests", "Abduction/forced disappearance"})
CLAIM_VERBS = frozenset({"تبنت", "تبني", "وتبنت", "وتبني", "تبنى"})
CLAIM_NOUNS = frozenset({"مسووليته", "مسووليتها", "مسووليتهم", "المسووليه", "مسؤوليته", "مسؤوليتها"})


def _claimant(facts: ArticleFacts, act: Act) -> Any:
    """«وتبنت حركة الشباب الهجوم», «أعلن التنظيم مسؤوليته عنه»: who claimed the act, in its
    sentence or the next."""
    for sentence in (act.sentence, act.sentence + 1):
        if sentence >= len(facts.sentences):
            break
        for mention in facts.in_sentence("actors", sentence):
            first = token_at(facts.tokens, mention.span.start)
            after = token_at(facts.tokens, mention.span.end)
            before = {t.folded for t in facts.tokens[max(0, first - 2):first]}
            following = {t.folded for t in facts.tokens[after:after + 2]}
            if mention.kind in ARMED_KINDS and (before & CLAIM_VERBS or following & CLAIM_NOUNS):
                return mention
    return None


INFIGHTING = ("بين فصيلين", "بين مجموعتين", "بين فصايل", "بين طرفين من", "بين عناصر من", "بين مجموعات من")


def _infighting(facts: ArticleFacts, act: Act) -> bool:
    """«اشتباكات بين فصيلين من X»: a clash inside one group."""
    sentence = facts.sentences[act.sentence].quote(facts.text)
    folded = " ".join(fold_word(word) for word in sentence.split())
    return any(phrase in folded for phrase in INFIGHTING) or _between_units_of_one(facts, act)


def _between_units_of_one(facts: ArticleFacts, act: Act) -> bool:
    """«اشتباكات بين قوة الردع وجهاز دعم الاستقرار»: two units that ACTORS.md folds into one parent."""
    armed = [m for m in facts.in_sentence("actors", act.sentence) if m.kind in ARMED_KINDS]
    for first, second in zip(armed, armed[1:]):
        at = token_at(facts.tokens, first.span.start)
        opened = at > 0 and facts.tokens[at - 1].folded == "بين"
        if opened and first.actor.name == second.actor.name and fold_word(second.span.quote(facts.text)).startswith("و"):
            return True
    return False


def _reporting_side(facts: ArticleFacts, act: Act, actor1: Actor | None) -> Actor | None:
    """«أعلنت القوات الحكومية إحباط هجوم حوثي على مواقعها»: the armed side that reports a battle fought it."""
    for mention in facts.in_sentence("actors", act.sentence):
        if mention.kind in ARMED_KINDS and _is_reporter(facts, mention) and (actor1 is None or mention.actor.name != actor1.name):
            return mention.actor
    return None


def agreement_parties(facts: ArticleFacts, act: Act, actor1: Actor | None, actor2: Actor | None):
    """The two sides of an agreement its sentence does not name: the community or group that
    negotiated («لجنة التفاوض») and the force it faced, as the article names them."""
    if actor2 is not None and actor2.type == 7:
        actor2 = None  # «خروج عدد من الأشخاص»: the people it concerns are no party
    if actor1 is None:
        actor1 = opponent(facts, act, actor2)
    if actor2 is None:
        communal = [m for m in facts.actors if m.kind in ("communal", "clan") and (actor1 is None or m.actor.name != actor1.name)]
        actor2 = communal[0].actor if communal else opponent(facts, act, actor1)
    return actor1, actor2


def opponent(facts: ArticleFacts, act: Act, actor1: Actor | None) -> Actor | None:
    """The other side of a battle whose sentence names one: the armed group the article
    names most, nearest sentences first («سيطرت القوات على قرى ...» after «معارك مع داعش»)."""
    sides = facts.armed_sides
    name = next((n for n in facts.ranked_armed_sides if actor1 is None or n != actor1.name), None)
    if name is None:
        return None
    mentions = sides.by_name[name]  # in text order
    at = bisect.bisect_left(mentions, act.sentence, key=lambda m: m.sentence)
    near = mentions[max(0, at - 1):at + 1]
    return min(near, key=lambda m: abs(m.sentence - act.sentence)).actor


def _civilian_victims(facts: ArticleFacts, act: Act) -> bool:
    """«مقتل 3 مدنيين», «استشهد 15 فلسطينيا»: people counted by a civilian word or a nationality."""
    tolls = facts.in_sentence("casualties", act.sentence)
    victims = [getattr(c, "victims", None) or "" for c in tolls]
    after = [facts.tokens[i].folded for c in tolls if (i := token_at(facts.tokens, c.span.end)) < len(facts.tokens)]
    words = [fold_word(w) for c in tolls for w in c.span.quote(facts.text).split()] + after  # «15 فلسطينيا»
    return any(v in CIVILIAN_VICTIMS or v in country_words() for v in victims) or any(
        w in country_words() for w in words)


CIVILIAN_VICTIMS = frozenset({"مدني", "مدنيين", "مدنيا", "طفل", "اطفال", "امراه", "نساء", "شخص", "اشخاص", "مواطن", "مواطنين",
                              "شاب", "رجل", "مسعف", "صحفي", "طبيب", "ممرض", "موظف", "عامل", "طالب", "مزارع", "راع", "مهاجر",
                              "نازح", "لاجي"})


def _retype(facts: ArticleFacts, draft: Draft, target) -> Draft:
    """Sub-event types that depend on who acted on whom."""
    act, actor1 = draft.act, draft.actor1
    if act.act == "takeover" and act.event_type == BATTLES and act.sub_event_type != "Armed clash":  # a clash: held only briefly
        state = actor1 is not None and actor1.type == 1
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
        return replace(draft, act=replace(act, sub_event_type=sub))
    if act.act == "clash" and (_crowd_side(facts, act) or _unarmed_confrontation(facts, act)):  # a riot, not a battle
        return _as_riot(facts, draft)
    armed_target = target is not None and target.kind in ARMED_KINDS
    if act.event_type == VAC and act.act in ("shooting", "killing") and armed_target:
        return replace(draft, act=replace(act, event_type=BATTLES, sub_event_type="Armed clash"))
    if act.sub_event_type == "Arrests" and actor1 is not None and actor1.name.startswith("Unidentified Armed Group"):
        # «داهم مسلحون مجهولون منزلا واقتادوا شابين»: only an authority arrests; gunmen abduct
        return replace(draft, act=replace(act, event_type=VAC, sub_event_type="Abduction/forced disappearance"))
    civilian_target = draft.actor2 is not None and draft.actor2.type == 7
    if act.act == "attack" and act.event_type == BATTLES and civilian_target:
        return replace(draft, act=replace(act, event_type=VAC, sub_event_type="Attack"))
    unknown_side = draft.actor2 is None or draft.actor2.name.startswith("Unidentified Armed Group")
    if act.act == "attack" and act.event_type == BATTLES and unknown_side and _attacks_homes(facts, act):
        # «هاجم مستوطنون منازل في قرية X»: an attack on homes, with nobody fighting back, is on civilians
        civilians = Actor(f"Civilians ({facts.country or 'Syria'})", "مدنيون", 7)
        return replace(draft, actor2=civilians, act=replace(act, event_type=VAC, sub_event_type="Attack"))
    return draft


HOMES_REACH = 6  # words after «هاجم» where what it hit is named (past a subject: «مستوطنون من مستوطنة X منازل»)


def _attacks_homes(facts: ArticleFacts, act: Act) -> bool:
    """Whether the first thing an attack verb hits is a home or a village, not a post or a patrol."""
    lexicon = load_lexicon("strike_objects")
    for index in range(act.last_token + 1, min(len(facts.tokens), act.last_token + 1 + HOMES_REACH)):
        found = lexicon.match_at(facts.tokens, index)
        if found is not None:
            return found.values[0] in ("building", "area")
    return False


def _drop_incursions_told_by_their_act(drafts: list[Draft]) -> list[Draft]:
    """«اقتحمت القوات المخيم واعتقلت خمسة شبان»: the raid is how the arrest happened, one event."""
    acts = [d for d in drafts if d.act.act != "incursion"]
    return [d for d in drafts if d.act.act != "incursion" or not any(_same_scene(d, other) for other in acts)]


def _same_scene(draft: Draft, other: Draft) -> bool:
    """Two drafts told in a shared sentence at one place, or at a quarter of the other's town
    («اقتحمت القوات نابلس ... واندلعت اشتباكات في البلدة القديمة»)."""
    if not draft.sentences & other.sentences or draft.place is None or other.place is None:
        return False
    return _place_key(draft) == _place_key(other) or _contains(draft.place, other.place)


ABSORBED_BY_VIOLENCE = frozenset({"Arrests", "Looting/property destruction"})


def _drop_parts_of_violent_acts(drafts: list[Draft]) -> list[Draft]:
    """«اقتحمت القوات المخيم وقتلت مسلحين واعتقلت آخرين», «هاجم مستوطنون القرية وأحرقوا سيارتين»:
    arrests or damage by the doer of a fight or attack told in the same sentence, at that place or
    the town around it, are part of that one incident (EVENTS.md section 1), not events of their own."""
    violent = [d for d in drafts if d.act.event_type in (BATTLES, VAC) and d.actor1 is not None]
    def absorbed(d: Draft) -> bool:
        return (d.act.sub_event_type in ABSORBED_BY_VIOLENCE and d.actor1 is not None
                and any(v.actor1.name == d.actor1.name and _same_scene(d, v) for v in violent))
    return [d for d in drafts if not absorbed(d)]


def _drop_protests_in_riots(drafts: list[Draft]) -> list[Draft]:
    """The crowd of «اشتباكات بين متظاهرين» is the riot's, not a second, peaceful event."""
    riots = {(d.act.sentence, _place_key(d)) for d in drafts if d.act.event_type == RIOTS}
    return [d for d in drafts if d.act.event_type != PROTESTS or (d.act.sentence, _place_key(d)) not in riots]


def _crowd_side(facts: ArticleFacts, act: Act) -> bool:
    """«اشتباكات بين متظاهرين ...», «مواجهات بين الشبان وقوات الاحتلال»: the first side of a clash is a crowd."""
    after = [m for m in facts.in_sentence("actors", act.sentence) if m.span.start >= act.trigger.end]
    if not after or after[0].kind not in ("protesters", "rioters", "civilians"):  # «مواجهات بين الشبان وقوات ...»
        return False
    between = facts.text[act.trigger.end:after[0].span.start].split()
    return between[-1:] == ["بين"]


CONFRONTATION_WORDS = frozenset({"مواجهات", "مواجهه"})


def _unarmed_confrontation(facts: ArticleFacts, act: Act) -> bool:
    """«استشهد شاب برصاص قوات الاحتلال خلال مواجهات اندلعت في البلدة»: «مواجهات» where the article
    names one armed side only and its sentence names young men or a crowd are a riot, not a battle."""
    if not any(form in CONFRONTATION_WORDS for form in bare_forms(bare(facts.tokens[act.first_token].folded))):
        return False
    mentions = facts.in_sentence("actors", act.sentence)
    if not any(m.kind in ("civilians", "protesters", "rioters") for m in mentions) or _fighters_named(facts, act):
        return False
    return len({m.actor.name for m in facts.actors if m.kind in ARMED_KINDS}) == 1


FIGHTER_WORDS = frozenset({"مسلحه", "مسلحين", "مسلحون", "مقاوم", "مقاومين", "مقاومون", "مقاتلين", "مقاتلون",
                           "المقاومه", "مطلوبين", "مطلوبون"})


def _fighters_named(facts: ArticleFacts, act: Act) -> bool:
    """«مواجهات مسلحة مع المقاومين»: armed men on the other side, whom no actor lexicon may name."""
    first, stop = sentence_tokens(facts.tokens, facts.sentences[act.sentence])
    return any(bare(form) in FIGHTER_WORDS for t in facts.tokens[first:stop] for form in bare_forms(t.folded))


def _as_riot(facts: ArticleFacts, draft: Draft) -> Draft:
    """A crowd fighting the police is a violent demonstration; crowds fighting each other, mob violence."""
    country = facts.country or "Syria"
    rioters = Actor(f"Rioters ({country})", "مشاغبون", 5)
    mentions = facts.in_sentence("actors", draft.act.sentence)
    sides = [m for m in mentions if m.span.start >= draft.act.trigger.end] + [  # «برصاص قوات الاحتلال خلال مواجهات»
        m for m in mentions if m.span.start < draft.act.trigger.end]
    force = next((m.actor for m in sides if m.kind in ("state", "external")), None)
    sub = "Violent demonstration" if force else "Mob violence"
    act = replace(draft.act, event_type=RIOTS, sub_event_type=sub)
    return replace(draft, act=act, actor1=rioters, actor2=force or rioters)


# -- casualties ------------------------------------------------------------------------


def casualties_in(facts: ArticleFacts, sentences: frozenset[int]) -> tuple[int, int | None]:
    """(fatalities, injuries) stated in some sentences, by EVENTS.md's rules (rasd.extract.numbers)."""
    mentions = tuple(c for sentence in sorted(sentences) for c in facts.in_sentence("casualties", sentence))
    return event_casualties(mentions, sentences)


def casualty_sentences(facts: ArticleFacts, act: Act, acted: set[int]) -> frozenset[int]:
    """The act's sentence, and the next one when it tells only the toll («وأسفر ذلك عن مقتل ...»)."""
    following = act.sentence + 1
    has_toll = bool(facts.in_sentence("casualties", following))
    if has_toll and following not in acted and not _running_total(facts, act, following) \
            and not _dated_elsewhere(facts, following):
        return frozenset({act.sentence, following})
    return frozenset({act.sentence})


def _dated_elsewhere(facts: ArticleFacts, sentence: int) -> bool:
    """«يذكر أن الناحية شهدت في عام 2019 هجمات أسفرت عن مقتل العشرات», «حربا منذ أبريل 2023 أودت
    بحياة الآلاف»: a toll dated in a past year or months back belongs to that time, not to the act before it."""
    return any(t.kind in ("past_year", "year") or (t.offset_days is not None and t.offset_days < -MONTH_DAYS)
               for t in facts.in_sentence("times", sentence))


MONTH_DAYS = 31


def _running_total(facts: ArticleFacts, act: Act, following: int) -> bool:
    """«ارتفع عدد الشهداء منذ الصباح إلى 12» after two strikes with their own tolls: a total of
    the day, not a newer toll of the last one."""
    tolls = facts.in_sentence("casualties", following)
    if not all(t.revised for t in tolls) or not facts.in_sentence("casualties", act.sentence):
        return False
    return any(other.sentence < act.sentence and other.modality is None and other.event_type in (REMOTE, BATTLES, VAC)
               and facts.in_sentence("casualties", other.sentence) for other in facts.acts)


# -- drafts and merging ------------------------------------------------------------------


def drop_restated_headlines(facts: ArticleFacts, drafts: list[Draft]) -> list[Draft]:
    """A headline act that the body reports too is the body's event, not another one."""
    def from_title(draft: Draft) -> bool:
        return draft.sentences <= facts.title_sentences
    told = {_act_kind(d.act) for d in drafts if not from_title(d)}
    return [d for d in drafts if not (from_title(d) and _act_kind(d.act) in told)]


def _is_broad(mention: PlaceMention) -> bool:
    """A governorate, or its namesake city named bare («في القنيطرة»): often the area, not the spot."""
    location = mention.location
    if (location.geo_precision or 3) >= 3:
        return True
    namesake = bool(location.admin1) and (location.name_en or "").lower() == location.admin1.lower()
    return namesake and mention.span == mention.name_span


QUARTER_KINDS = frozenset({"neighbourhood", "camp"})
CITY_KINDS = frozenset({"city", "capital", "town", "district", "subdistrict"})
QUARTER_REACH_KM = 5


def _contains(outer: PlaceMention, inner: PlaceMention) -> bool:
    """Whether an event at `inner` is a closer reading of one at `outer`: a town of the
    governorate, or a quarter of the city («حي طي» in «القامشلي»)."""
    a, b = outer.location, inner.location
    if a.admin1 != b.admin1 or _place_id(outer) == _place_id(inner):
        return False
    if _is_broad(outer):
        return not _is_broad(inner)
    if outer.kind not in CITY_KINDS or inner.kind not in QUARTER_KINDS:
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return True
    return _km((a.lat, a.lon), (b.lat, b.lon)) <= QUARTER_REACH_KM


QUARTER_WINDOW = 1  # sentences before and after an event's own where its quarter may be named


def refine_to_quarters(facts: ArticleFacts, drafts: list[Draft]) -> list[Draft]:
    """Place a city's event in the one quarter of that city named beside it (EVENTS.md: the most
    specific place the text supports): «بيان في مدينة X» under a heading «... في X البلد»."""
    return [_refined(facts, draft) for draft in drafts]


def _refined(facts: ArticleFacts, draft: Draft) -> Draft:
    if draft.place is None or draft.place.kind not in CITY_KINDS or _is_broad(draft.place):
        return draft
    first, last = min(draft.sentences | {draft.act.sentence}), max(draft.sentences | {draft.act.sentence})
    quarters = {_place_id(m): m for index in range(first - QUARTER_WINDOW, last + QUARTER_WINDOW + 1)
                for m in facts.in_sentence("places", index)
                if m.role == "place" and m.kind in QUARTER_KINDS and _contains(draft.place, m)}
    return replace(draft, place=next(iter(quarters.values()))) if len(quarters) == 1 else draft


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _place_id(mention: PlaceMention) -> str:
    return mention.location.gazetteer_id or mention.location.name_ar


def _near_in_time(a: Draft, b: Draft) -> bool:
    return a.offset is None or b.offset is None or abs(a.offset - b.offset) <= 1


def absorb_broad(drafts: list[Draft]) -> list[Draft]:
    """Fold an event placed at a governorate or a city into the same act placed in one of its
    towns or quarters the same day: the article names the spot once it knows it."""
    result = list(drafts)
    for draft in drafts:
        host = next((o for o in result if o is not draft and _absorbs(o, draft)), None)
        if host is not None and draft in result:
            result[result.index(host)] = _combine(host, replace(draft, place=host.place, place_inherited=True))
            result.remove(draft)
    return result


def _absorbs(inner: Draft, outer: Draft) -> bool:
    """Whether `inner` is the same act as the broad `outer`, told at a spot inside it; a raid's
    arrests placed at the region («توغل ... في بلدة X بريف Y، حيث اعتقلت») are the raid's too."""
    if inner.place is None or outer.place is None or not _near_in_time(inner, outer):
        return False
    same = _act_kind(inner.act) == _act_kind(outer.act) or (
        inner.act.event_type == outer.act.event_type == STRATEGIC and inner.sentences & outer.sentences
        and _is_broad(outer.place) and inner.act.sub_event_type == "Other")
    return bool(same) and _contains(outer.place, inner.place)


def _place_key(draft: Draft) -> str:
    if draft.place is None:
        return ""
    location = draft.place.location
    return location.gazetteer_id or location.name_ar


def merge_key(draft: Draft, rivals: frozenset[tuple] = frozenset()) -> tuple:
    """Type, place and day; the doer too when one sentence names two doers of that act there."""
    key = (_act_kind(draft.act), _place_key(draft), draft.offset)
    return key + (_sides(draft),) if key in rivals and draft.doer_named else key + ("",)


def _sides(draft: Draft) -> str:
    """Who acted: the doer, or for a battle both sides in either order («X هاجم Y ... معارك مع X»)."""
    names = [a.name for a in (draft.actor1, draft.actor2) if a is not None]
    if draft.act.event_type == BATTLES:
        return "|".join(sorted(names))
    return names[0] if draft.actor1 is not None else ""


def _act_kind(act: Act) -> str:
    """What «the same act» means for merging: the event type, or the sub-type where those differ in kind."""
    if act.event_type in (STRATEGIC, VAC):
        return f"{act.event_type}/{act.sub_event_type}"
    return act.event_type


def rival_doers(drafts: list[Draft]) -> frozenset[tuple]:
    """Keys where one sentence names two different doers: «غارات روسية ... ومروحيات النظام» on one town."""
    named: dict[tuple, set[str]] = {}
    for draft in drafts:
        if draft.doer_named and draft.actor1 is not None:
            key = (_act_kind(draft.act), _place_key(draft), draft.offset)
            named.setdefault(key + (draft.act.sentence,), set()).add(_sides(draft))
    return frozenset(key[:3] for key, names in named.items() if len(names) > 1)


def spread_interventions(drafts: list[Draft]) -> list[Draft]:
    """«وأطلقت النار على المتظاهرين» after a list of protest places applies to each of them."""
    result: list[Draft] = []
    protests: list[int] = []
    for draft in drafts:
        earlier = [i for i in protests if result[i].offset == draft.offset]
        if draft.act.event_type != PROTESTS or not draft.place_inherited or not earlier:
            protests += [len(result)] if draft.act.event_type == PROTESTS else []
            result.append(draft)
            continue
        for i in earlier:
            result[i] = _combine(result[i], replace(draft, place=result[i].place))
    return result


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One event per act, place, day and actor: later mentions add evidence and figures."""
    groups: dict[tuple, list[Draft]] = {}
    drafts = spread_interventions(drafts)
    rivals = rival_doers(drafts)
    for draft in drafts:
        groups.setdefault(merge_key(draft, rivals), []).append(draft)
    return _join_undated([combine_all(group) for group in groups.values()])


def _join_undated(drafts: list[Draft]) -> list[Draft]:
    """An undated mention of an act joins the dated event of the same act, place and actor."""
    result = [d for d in drafts if d.offset is not None]
    for draft in (d for d in drafts if d.offset is None):
        key = merge_key(draft)[:2] + merge_key(draft)[3:]
        twin = next((i for i, d in enumerate(result) if merge_key(d)[:2] + merge_key(d)[3:] == key
                     and _dates_the_report(d, draft)), None)
        if twin is None and draft.reported is not None:  # no other date for it: the report's
            offset, day, precision = draft.reported
            result.append(replace(draft, offset=offset, day=day, precision=precision, time_in_sentence=True))
        elif twin is None:
            result.append(draft)
        else:
            result[twin] = _combine(result[twin], replace(draft, offset=result[twin].offset, day=result[twin].day))
    return result


def _dates_the_report(dated: Draft, undated: Draft) -> bool:
    """Whether a dated mention can date an act first told under the day of its report: the same
    kind of act, at most a day before the report."""
    if undated.reported is None:
        return True
    same = dated.act.sub_event_type == undated.act.sub_event_type
    return same and dated.offset is not None and 0 <= undated.reported[0] - dated.offset <= 1


PROTEST_SEVERITY = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")


def _combine(first: Draft, later: Draft) -> Draft:
    return combine_all([first, later])


def combine_all(drafts: list[Draft]) -> Draft:
    """Mentions of one event as one draft: the strongest mention's act, doer and place (a place the
    text gives beats a borrowed one), every evidence sentence, and the figures of all."""
    if len(drafts) == 1:
        return drafts[0]
    keep = max(drafts, key=_strength)
    if keep.act.event_type == PROTESTS:
        sub = max((d.act.sub_event_type for d in drafts), key=_severity)
        keep = replace(keep, act=replace(keep.act, sub_event_type=sub))
    others = [d for d in drafts if d is not keep]
    injuries = [d.injuries for d in drafts if d.injuries is not None]
    return replace(
        keep,
        evidence=tuple(sorted({span for d in drafts for span in d.evidence}, key=lambda span: span.start)),
        weapons=tuple(dict.fromkeys(w for d in [keep, *others] for w in d.weapons  # a headline's other act's
                                    if d.act.sub_event_type == keep.act.sub_event_type)),  # weapons stay out
        tags=tuple(dict.fromkeys(t for d in drafts for t in d.tags)),
        fatalities=max(d.fatalities for d in drafts),
        injuries=max(injuries) if injuries else None,
        actor2=keep.actor2 or next((d.actor2 for d in others if d.actor2), None),
        sentences=frozenset().union(*(d.sentences for d in drafts)),
        place=_best_place(keep, drafts),
        place_inherited=all(d.place_inherited for d in drafts),
        time_in_sentence=any(d.time_in_sentence for d in drafts),
        doer_named=any(d.doer_named for d in drafts),
    )


def _best_place(keep: Draft, drafts: list[Draft]) -> PlaceMention | None:
    """The most specific place the text itself gives among the mentions (the strongest one's on a tie):
    a headline's bare «نوى» (the area) yields to the body's «مدينة نوى»."""
    own = [d for d in drafts if d.place is not None and not d.place_inherited] or [d for d in drafts if d.place]
    if not own:
        return None
    best = min(own, key=lambda d: (d.place.location.geo_precision or 3, d is not keep))
    return best.place


def _severity(sub: str) -> int:
    return PROTEST_SEVERITY.index(sub) if sub in PROTEST_SEVERITY else 0


def _strength(draft: Draft) -> tuple:
    return (draft.act.verbal, draft.time_in_sentence, not draft.place_inherited, -draft.act.sentence)


def _max_or_none(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


# -- the stage ---------------------------------------------------------------------------


def place_drafts(facts: ArticleFacts, act: Act, acts_here: list[Act], fallback: PlaceMention | None) -> list[Draft]:
    """One draft per place the act's sentence gives it (or the fallback place)."""
    places = _nearest_places(facts, sentence_places(facts, act.sentence, act.act), acts_here, act)
    evidence = (facts.sentences[act.sentence],)
    common = dict(evidence=evidence, weapons=act.weapons, tags=act.tags, sentences=frozenset({act.sentence}))
    if places:
        return [Draft(act, place, False, **common) for place in places]
    listed = places_referred_back(facts, act)
    if listed:
        return [Draft(act, place, False, **common) for place in listed]
    anaphor = anaphoric_place(facts, act.sentence)
    if anaphor is not None:
        return [Draft(act, anaphor, False, **common)]
    if fallback is not None and act.sentence not in facts.title_sentences:
        return [Draft(act, fallback, True, **common)]
    return []


def places_referred_back(facts: ArticleFacts, act: Act) -> list[PlaceMention]:
    """«... على تلك المناطق», «في البلدات نفسها»: every place of the list its sentence (or the one
    before) named for another act."""
    first, stop = sentence_tokens(facts.tokens, facts.sentences[act.sentence])
    words = [t.folded for t in facts.tokens[max(first, act.last_token + 1):stop]]
    if not any(f"{w} {n}" in PLURAL_ANAPHORS for w, n in zip(words, words[1:])):
        return []
    for sentence in (act.sentence, act.sentence - 1):
        listed = [m for m in sentence_places(facts, sentence, act.act) if m.span.end <= act.trigger.start or
                  sentence < act.sentence] if sentence >= 0 else []
        if len(listed) > 1:
            return listed
    return []


# «تلك المناطق», «المناطق نفسها»: a plural that points back at a list of places.
PLURAL_ANAPHORS = frozenset(
    f"{a} {b}" for a, b in (
        ("تلك", "المناطق"), ("هذه", "المناطق"), ("تلك", "البلدات"), ("هذه", "البلدات"), ("تلك", "القري"),
        ("هذه", "القري"), ("المناطق", "نفسها"), ("البلدات", "نفسها"), ("القري", "نفسها"), ("المناطق", "ذاتها"),
        ("البلدات", "ذاتها"), ("القري", "ذاتها"), ("تلك", "الاحياء"), ("هذه", "الاحياء"),
    )
)


def anaphoric_place(facts: ArticleFacts, sentence: int) -> PlaceMention | None:
    """«من المخيم», «في المدينة»: the last place of that kind named before the sentence."""
    first, stop = sentence_tokens(facts.tokens, facts.sentences[sentence])
    for token in facts.tokens[first:stop]:
        cue = cue_of(token)
        if cue and cue[0] == "anaphor":
            kinds = FITS_ANAPHOR.get(cue[1], set())
            noun = bare(token.folded)  # «المخيم» -> «مخيم», the cue of «مخيم جنين»
            antecedent = _antecedent(facts, token.span.start, sentence, kinds, noun)
            if antecedent is not None:
                return replace(antecedent, sentence=sentence, span=token.span, name_span=token.span)
    return None


ANTECEDENT_REACH = 5  # sentences back an anaphoric place word can point
BORROW_REACH = 20  # drafts back an act without a place looks for the last one of its kind


def _antecedent(facts: ArticleFacts, offset: int, sentence: int, kinds: set[str], noun: str) -> PlaceMention | None:
    """The last specific place before `offset`, of a fitting kind or cue, within a few sentences."""
    for earlier in range(sentence, max(-1, sentence - ANTECEDENT_REACH), -1):
        for mention in reversed(facts.in_sentence("places", earlier)):
            fits = mention.kind in kinds or fold_word(mention.span.quote(facts.text)).startswith(noun)
            if mention.span.end <= offset and _is_specific(mention) and fits:
                return mention
    return None


def borrowed_place(facts: ArticleFacts, act: Act, drafts: list[Draft], fallback: PlaceMention | None):
    """Where an act whose sentence names no place happened: the last event of its kind, else
    the place the next sentence names (details follow a summary), else the article's place."""
    doer, _ = pick_actors(facts, act)
    last = next((d for d in reversed(drafts[-BORROW_REACH:]) if _act_kind(d.act) == _act_kind(act) and d.place), None)
    if last and (doer is None or last.actor1 is None or last.actor1.name == doer.actor.name):
        return last.place
    if last:
        return None  # another doer's act of that kind: not where the last one was
    nxt = act.sentence + 1
    if nxt >= len(facts.sentences) or _opens_new_topic(facts, nxt):
        return fallback  # «وفي الخليل، ...»: the next sentence is about somewhere else
    following = sentence_places(facts, nxt, act.act)
    return following[0] if following else fallback


NEW_TOPIC_WORDS = TOPIC_FRAMES | {"في", "الي", "والي"}  # «وفي X،», «أما», «إلى ذلك»


def _opens_new_topic(facts: ArticleFacts, sentence: int) -> bool:
    """A sentence that opens with «وفي X،», «أما», «إلى ذلك»: a new topic, not details of the last."""
    first = token_at(facts.tokens, facts.sentences[sentence].start)
    return first < len(facts.tokens) and facts.tokens[first].folded in NEW_TOPIC_WORDS


def article_fallback_place(facts: ArticleFacts) -> PlaceMention | None:
    """The place an article is about when a sentence names none: its most named specific place."""
    specific = [m for m in facts.places if _is_specific(m)] or list(facts.places)
    if not specific:
        return None
    counts = Counter(m.location.gazetteer_id or m.location.name_ar for m in specific)
    best = counts.most_common(1)[0][0]
    return next(m for m in specific if (m.location.gazetteer_id or m.location.name_ar) == best)


def build_drafts(facts: ArticleFacts, acts: Sequence[Act]) -> list[Draft]:
    """Drafts for every act not in the background, with place, time, actors and toll."""
    drafts: list[Draft] = []
    fallback = article_fallback_place(facts)
    acted = {a.sentence for a in acts}
    by_sentence: dict[int, list[Act]] = {}
    for act in acts:
        by_sentence.setdefault(act.sentence, []).append(act)
    for act in acts:
        if act.modality is not None or is_background(facts, act) or _inside_a_name(facts, act):
            continue
        referred = _referred_draft(facts, act, drafts)
        if referred is not None:  # «وأسفر الهجوم عن ...»: more about the event just told
            drafts[referred] = _escalate(facts, _extend(facts, drafts[referred], act.sentence), act)
            continue
        acts_here = by_sentence[act.sentence]
        if _only_a_cause(facts, act):
            continue
        for draft in place_drafts(facts, act, acts_here, borrowed_place(facts, act, drafts, fallback)):
            previous = drafts[-1] if drafts else None
            draft = assign_actors(facts, assign_time(facts, draft, previous), previous)
            if act.act == "statement" and not _communal(draft.actor1):
                continue  # a statement is an event only as a community's collective act
            drafts.append(_with_toll(facts, draft, acted))
    return _split_shared_tolls(drafts)


def _inside_a_name(facts: ArticleFacts, act: Act) -> bool:
    """«حركة تحرير السودان», «جبهة تحرير ...»: a trigger word inside a group's name is no act
    (one the name starts with, «هجوم حوثي», is)."""
    return any(m.span.start < act.trigger.start and act.trigger.end <= m.span.end
               for m in facts.in_sentence("actors", act.sentence))


CAUSE_WORDS = frozenset({"جراء", "بسبب", "نتيجه", "اثر", "بفعل", "عقب", "بعد"})


LEAD_CHARS = 24  # text before an actor's mention read for the words that qualify it


def _unarmed_clan(facts: ArticleFacts, draft: Draft) -> Draft:
    """«أصدر وجهاء من عشيرة X بياناً»: in an unarmed act a clan's notables are their town's communal group."""
    if draft.act.event_type not in (STRATEGIC, PROTESTS) or draft.actor1 is None or draft.place is None:
        return draft
    span = draft.actor1.span
    lead = facts.text[max(0, span.start - LEAD_CHARS):span.start] if span else ""
    communal = notables_of_town(draft.actor1, lead, draft.place.location, facts.published)
    return replace(draft, actor1=communal) if communal else draft


def _only_a_cause(facts: ArticleFacts, act: Act) -> bool:
    """«نزوح الآلاف جراء القصف»: an act named as the cause of something else, with no place
    or toll of its own, is not reported as an event here."""
    if act.verbal or act.first_token == 0:
        return False
    before = facts.tokens[act.first_token - 1].folded
    if before not in CAUSE_WORDS and act.first_token and facts.tokens[act.first_token].folded[:1] != "ب":
        return False
    if before not in CAUSE_WORDS and not facts.tokens[act.first_token].folded.startswith("بسبب"):
        return False
    has_toll = bool(facts.in_sentence("casualties", act.sentence))
    has_place = bool(sentence_places(facts, act.sentence, act.act))
    return not has_toll and not has_place


GENERIC_ACTS = frozenset({"attack", "strike", "target", "explosion"})
ANAPHOR_REACH = 2  # sentences back an anaphoric «الهجوم» can point


def _referred_draft(facts: ArticleFacts, act: Act, drafts: list[Draft]) -> int | None:
    """The event an anaphoric act refers to: «الهجوم», «القصف» without a place of its own, just after it."""
    if not act.definite or act.verbal or not drafts:
        return None
    if any(_is_specific(m) and m.span != m.name_span for m in facts.in_sentence("places", act.sentence)):
        return None  # «القصف على بلدة X»: a place with a cue, so possibly another event
    index = len(drafts) - 1
    previous = drafts[index]
    close = 0 < act.sentence - max(previous.sentences) <= ANAPHOR_REACH
    kindred = act.act in GENERIC_ACTS and previous.act.event_type in (REMOTE, BATTLES, VAC)
    return index if close and (kindred or act.act == previous.act.act) else None


def _extend(facts: ArticleFacts, draft: Draft, sentence: int) -> Draft:
    """The draft with one more evidence sentence, and the toll that sentence adds."""
    sentences = draft.sentences | {sentence}
    fatalities, injuries = casualties_in(facts, sentences)
    return replace(draft, sentences=sentences, evidence=tuple(facts.sentences[i] for i in sorted(sentences)),
                   fatalities=max(draft.fatalities, fatalities), injuries=_max_or_none(draft.injuries, injuries))


def _escalate(facts: ArticleFacts, draft: Draft, act: Act) -> Draft:
    """«... قبل أن تتدخل قوات مكافحة الشغب وتفرقهم»: a later sentence about the same protest
    that tells of an intervention makes it one with intervention, against that force."""
    if act.event_type != PROTESTS or draft.act.event_type != PROTESTS:
        return draft
    if PROTEST_SEVERITY.index(act.sub_event_type) <= PROTEST_SEVERITY.index(draft.act.sub_event_type):
        return draft
    force = pick_actors(facts, act)[1]
    return replace(draft, act=replace(draft.act, sub_event_type=act.sub_event_type),
                   actor2=draft.actor2 or (force.actor if force else None))


def _self_detonation(facts: ArticleFacts, draft: Draft) -> int:
    """«فجر نفسه»: the bomber died too, and ACLED counts him (1), unless the toll already does."""
    sentence = facts.sentences[draft.act.sentence].quote(facts.text)
    if draft.act.act != "suicide" or not (any(word in sentence for word in ("نفسه", "نفسها", "نفسيهما"))
                                          or _bomber_detonated(facts, draft.act)):
        return 0
    return 0 if any("انتحاري" in c.span.quote(facts.text) for c in facts.casualties) else 1


DETONATION_VERBS = frozenset({"فجر", "ففجر", "وفجر", "فجرت", "وفجرت"})


def _bomber_detonated(facts: ArticleFacts, act: Act) -> bool:
    """«فجر انتحاري سيارة مفخخة عند البوابة»: the bomber set it off, and died with it."""
    first, stop = sentence_tokens(facts.tokens, facts.sentences[act.sentence])
    words = [t.folded for t in facts.tokens[first:stop]]
    return any(a in DETONATION_VERBS and b in ("انتحاري", "انتحاريه") for a, b in zip(words, words[1:]))


def _communal(actor: Actor | None) -> bool:
    return actor is not None and actor.type == 4


def _with_toll(facts: ArticleFacts, draft: Draft, acted: set[int]) -> Draft:
    sentences = casualty_sentences(facts, draft.act, acted)
    fatalities, injuries = casualties_in(facts, sentences)
    if draft.act.event_type == STRATEGIC and _violent_act_beside(facts, draft.act):
        fatalities, injuries = 0, None  # «قتلوا 15 من سكانها ونهبوا المنازل»: the toll is the killing's
    if draft.act.event_type == PROTESTS and _tolls_are_causes(facts, sentences):
        fatalities, injuries = 0, None  # «احتجاجا على مقتل شاب»: the death the crowd protests
    fatalities += _self_detonation(facts, draft)
    evidence = tuple(facts.sentences[i] for i in sorted(sentences))
    return replace(draft, fatalities=fatalities, injuries=injuries, evidence=evidence, sentences=sentences)


CAUSE_OF_PROTEST = frozenset({"احتجاجا", "تنديدا", "رفضا", "استنكارا", "غضبا", "احتجاج", "تضامنا"})


def _tolls_are_causes(facts: ArticleFacts, sentences: frozenset[int]) -> bool:
    """«تجمهر الأهالي احتجاجا على مقتل شاب»: every toll of the protest's sentences is what it protests."""
    tolls = [c for i in sentences for c in facts.in_sentence("casualties", i)]
    def cause(toll) -> bool:
        first = token_at(facts.tokens, toll.span.start)
        return any(bare_forms(t.folded)[-1] in CAUSE_OF_PROTEST for t in facts.tokens[max(0, first - 3):first])
    return bool(tolls) and all(cause(t) for t in tolls)


def _violent_act_beside(facts: ArticleFacts, act: Act) -> bool:
    return any(other.sentence == act.sentence and other.modality is None and other.event_type in (REMOTE, BATTLES, VAC)
               for other in facts.acts)


def _split_shared_tolls(drafts: list[Draft]) -> list[Draft]:
    """A toll stated once for several places is split evenly between their events (EVENTS.md)."""
    groups: dict[tuple, dict[str, list[int]]] = {}
    for index, draft in enumerate(drafts):  # one share per distinct place: «خان يونس ... غرب المدينة» is one
        places = groups.setdefault((draft.act.sentence, draft.act.trigger), {})
        places.setdefault(_place_key(draft), []).append(index)
    result = list(drafts)
    for places in groups.values():
        if len(places) < 2:
            continue
        for rank, members in enumerate(places.values()):
            for index in members:
                result[index] = replace(
                    result[index], fatalities=_share(drafts[index].fatalities, len(places), rank),
                    injuries=_share_or_none(drafts[index].injuries, len(places), rank))
    return result


def _share(total: int, parts: int, rank: int) -> int:
    return total // parts + (1 if rank < total % parts else 0)


def _share_or_none(total: int | None, parts: int, rank: int) -> int | None:
    return None if total is None else _share(total, parts, rank)


def extract_events(facts: ArticleFacts) -> tuple[Event, ...]:
    """Every event an article reports (EVENTS.md section 1), merged, in text order."""
    acts = find_acts(facts.tokens, facts.sentences)
    facts = replace(facts, acts=acts)
    drafts = absorb_broad(drop_restated_headlines(facts, merge_drafts(build_drafts(facts, acts))))
    drafts = [_unarmed_clan(facts, draft) for draft in refine_to_quarters(facts, drafts)]
    drafts = _drop_protests_in_riots(_drop_parts_of_violent_acts(_drop_incursions_told_by_their_act(drafts)))
    drafts.sort(key=lambda d: (d.act.sentence, d.place.span.start if d.place else 0))
    events = (to_event(facts, draft) for draft in drafts)
    return tuple(e for e in events if e.confidence >= MIN_CONFIDENCE)


def to_event(facts: ArticleFacts, draft: Draft) -> Event:
    """The public record of a draft, with its notes and confidence."""
    location = _located(facts, draft)
    event = Event(
        event_type=draft.act.event_type, sub_event_type=draft.act.sub_event_type,
        date=draft.day, date_offset_days=draft.offset, time_precision=draft.precision,
        actor1=draft.actor1, actor2=draft.actor2, location=location,
        fatalities=draft.fatalities, injuries=draft.injuries, weapons=draft.weapons, tags=draft.tags,
        reported_by=sources_for(draft.evidence, facts.sources, facts.outlet),
        evidence=draft.evidence, confidence=confidence(draft, _named_as_district(facts, draft.place)),
    )
    return replace(event, notes=notes_for(event))


def _located(facts: ArticleFacts, draft: Draft) -> Location | None:
    """The draft's place; a spot no gazetteer row places in a country takes the article's."""
    if draft.place is None:
        return None
    location = draft.place.location
    return replace(location, country=facts.country) if location.country is None and facts.country else location


# How much each kind of act, as worded in news, tends to be a codable event (log-odds):
# strikes and takeovers are told as events; agreements, releases and withdrawals are
# often recalled or planned.
ACT_PRIOR = {
    "shelling": 0.6, "air": 0.6, "takeover": 0.6, "explosion": 0.5, "suicide": 0.5, "chemical": 0.5,
    "strike": 0.2, "target": 0.2, "grenade": 0.2,
    "abduction": -0.3, "attack": -0.3, "shooting": -0.3, "killing": -0.3, "handover": -0.3,
    "agreement": -0.8, "release": -0.8, "withdrawal": -0.8, "ultimatum": -0.8, "defusal": -0.6,
    "statement": -0.8, "looting": -0.8, "base": -0.5, "defection": -0.5, "sexual": 0.0,
}


KIND_OF_SUB = {"Air/drone strike": "air", "Shelling/artillery/missile attack": "shelling",
               "Remote explosive/landmine/IED": "explosion"}


def confidence(draft: Draft, district: bool = False) -> float:
    """A rough probability that the event is right (log-odds of the signals that make one); a
    place the text names as a district («مديرية الصفراء», «قضاء الحويجة») is where it happened,
    not a guess around a town."""
    act, location = draft.act, draft.place.location if draft.place else None
    kind = "strike" if act.act == "attack" and act.event_type == REMOTE else act.act
    if kind in ("strike", "target") and act.weapons and not act.verbal:
        kind = KIND_OF_SUB.get(act.sub_event_type, kind)  # «ردت الكتائب باستهداف دبابة بقذيفة»: the weapon says it struck
    logit = -0.2 + ACT_PRIOR.get(kind, 0.0)
    logit += 0.7 * draft.time_in_sentence + 0.8 * bool(draft.fatalities or draft.injuries)
    logit += 0.3 * draft.doer_named + 0.2 * act.verbal - 0.3 * (act.definite and not act.verbal)
    toll = bool(draft.fatalities or draft.injuries)
    # a place near a town is often a guess; a toll there still says something happened
    near = (bool(location and (location.geo_precision or 1) >= 2) and draft.place.kind != "facility"  # «مطار X»
            and not district)
    logit -= 0.8 * draft.place_inherited + (0.6 if toll else 1.0) * near
    return round(1 / (1 + math.exp(-logit)), 2)


# -- notes ---------------------------------------------------------------------------------

VERBS = {
    "Air/drone strike": "carried out air/drone strikes on",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device in",
    "Suicide bomb": "carried out a suicide bombing in",
    "Grenade": "threw a grenade in",
    "Chemical weapon": "used chemical weapons in",
    "Armed clash": "clashed with {actor2} in",
    "Government regains territory": "regained control of",
    "Non-state actor overtakes territory": "took control of",
    "Attack": "attacked {actor2} in",
    "Abduction/forced disappearance": "abducted {actor2} in",
    "Arrests": "arrested people in",
    "Peaceful protest": "demonstrated in",
    "Protest with intervention": "demonstrated in",
    "Excessive force against protesters": "demonstrated in",
    "Violent demonstration": "rioted in",
    "Agreement": "reached an agreement concerning",
    "Non-violent transfer of territory": "took over without fighting",
    "Disrupted weapons use": "foiled an attack in",
    "Looting/property destruction": "looted or destroyed property in",
    "Sexual violence": "committed sexual violence against {actor2} in",
    "Headquarters or base established": "established a base in",
    "Change to group/activity": "changed its organisation in",
    "Other": "moved into",
}


def _when(event: Event) -> str:
    if event.date:
        return f"On {event.date}"
    offset = event.date_offset_days
    if offset is None or offset == 0:
        return "On the day of publication"
    if offset == -1:
        return "The day before publication"
    return f"{abs(offset)} days before publication" if offset < 0 else f"{offset} days after publication"


def notes_for(event: Event) -> str:
    """One English sentence in ACLED style: «On <date>, <actor1> <did what> <where>. <toll>.»"""
    actor1 = event.actor1.name if event.actor1 else "an unidentified actor"
    actor2 = event.actor2.name if event.actor2 else "others"
    verb = VERBS.get(event.sub_event_type, "acted in").format(actor2=actor2)
    place = _place_phrase(event.location)
    toll = _toll_phrase(event.fatalities, event.injuries)
    return f"{_when(event)}, {actor1} {verb} {place}.{toll}"


def _place_phrase(location: Location | None) -> str:
    if location is None:
        return "an unknown place"
    name = location.name_en or location.name_ar
    area = f" ({location.admin1})" if location.admin1 and location.admin1 != name else ""
    near = "the area of " if (location.geo_precision or 1) > 1 else ""
    return f"{near}{name}{area}"


def _toll_phrase(fatalities: int, injuries: int | None) -> str:
    parts = []
    if fatalities:
        parts.append(f"{fatalities} killed")
    if injuries:
        parts.append(f"{injuries} injured")
    return f" {', '.join(parts).capitalize()}." if parts else " No fatalities reported."
