"""Find the places an article names and resolve each to a gazetteer row.

One pass of an Aho-Corasick automaton over the folded token stream finds
every gazetteer name, through clitics («بدرعا», «وإدلب», «للرقة»). Words
around a name, and the lists they head, confirm it and set ACLED's
geo_precision: «قرية X» (1), «محيط X», «غرب X», «بين X و Y», «أطراف
المدينة» (2), «ريف X», «محافظة X» (3). A name that is also a common word
(عدوان, الباب) counts only with such support. Homonyms are told apart by
the governorates and cities the sentence or the article names, then by size.
Unknown names after a place-type word («قرية عين الزوان بريف القنيطرة»,
«أحياء X وY في حلب») are kept with the admin1 of their context (and the
city's point for a quarter of a city the text names).
"""
from __future__ import annotations

import bisect
import math
from itertools import accumulate, compress, count
from operator import add, attrgetter
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache

from rasd.extract.actor_lexicon import country_words
from rasd.extract.latin_names import find_by_consonants, latin_index
from rasd.extract.gazetteer import COUNTRY_NAMES, FEATURE_RANK, Gazetteer, Place, load_gazetteer
from rasd.extract.place_cues import (
    NAME_FORMING, NAME_STOPS, PREPOSITION_ARTICLE, SETTLEMENTS, Cue, Governed, common_words, country_adjectives, cue_of,
    capitals, cue_positions, given_names, governed_names, heads_an_organisation, is_nisba, load_cue_lexicons, may_be_local,
    ordinary_words, place_words,
)
from rasd.model import Location, Span
from rasd.text.clitics import NAME_PREFIXES, name_key
from rasd.text.normalize import fold_word
from rasd.text.segment import Token

PRECISION_BY_ROLE = {"place": 1, "near": 2, "between": 2, "direction": 2, "region": 3}
LARGE_RANK = 6  # Place.rank of cities and larger


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, how it was named, and where it resolved."""

    span: Span           # the whole mention, cue words included: «بلدة عدوان»
    name_span: Span      # the name alone: «عدوان»
    sentence: int        # index of the sentence it stands in
    role: str            # place | near | between | direction | region
    location: Location
    reason: str
    kind: str = ""       # feature class of the row, or the type word's value for a name the gazetteer lacks


@dataclass(frozen=True, slots=True)
class _NameMatch:
    first: int           # token positions, inclusive
    last: int
    key: str
    candidates: tuple[Place, ...]


_FOLDED = attrgetter("folded")


def _stream(tokens: tuple[Token, ...]) -> tuple[str, list[int], dict[int, int]]:
    """The folded tokens joined by spaces, each token's start in it, and token index by end offset."""
    parts = list(map(_FOLDED, tokens))
    lengths = list(map(len, parts))
    starts = list(accumulate((n + 1 for n in lengths), initial=0))[:-1]
    return " ".join(parts), starts, dict(zip(map(add, starts, lengths), range(len(parts))))


def match_names(tokens: tuple[Token, ...], gazetteer: Gazetteer) -> list[_NameMatch]:
    """Every gazetteer name standing on whole tokens (after clitics), longest first per place."""
    # Names of several words first: of two names on the same tokens, the first one found stays.
    return _longest(_phrase_matches(tokens, gazetteer) + _word_matches(tokens, gazetteer))


def _word_matches(tokens: tuple[Token, ...], gazetteer: Gazetteer) -> list[_NameMatch]:
    """One-word names, each word's looked up in the gazetteer's memo (a C loop over the text)."""
    names = list(map(gazetteer.word_names.__getitem__, map(_FOLDED, tokens)))
    matches, ordinary = [], ordinary_words()
    for index in compress(count(), names):
        if not cue_of(tokens[index]):   # «بلدة» is a type word before it is a village
            word = tokens[index].folded
            keys = _own_keys(word, names[index]) if word in ordinary else names[index]
            matches.extend(_NameMatch(index, index, key, gazetteer.lookup_key(key)) for key in keys)
    return matches


@lru_cache(maxsize=65536)
def _own_keys(word: str, keys: tuple[str, ...]) -> tuple[str, ...]:
    """The names an ordinary word holds: none behind clitics: «باب» is a door, not
    «ب» + «إب» (Ibb), though «بإب» would be."""
    return tuple(key for key in keys if word in (key, "ال" + key) or key == "ال" + word)


def _phrase_matches(tokens: tuple[Token, ...], gazetteer: Gazetteer) -> list[_NameMatch]:
    """Names of several words, found by one automaton pass over the folded tokens."""
    stream, starts, ends = _stream(tokens)
    matches = []
    for end, found in gazetteer.phrases.iter(stream + " "):
        last = ends.get(end)   # the hit ends with the space after a word
        if last is None:
            continue
        first = last - found.count(" ")   # tokens are joined by one space, and so are key words
        begin = end - len(found)
        if first < 0 or begin < starts[first] or stream[starts[first]:begin] not in NAME_PREFIXES:
            continue   # the name starts inside a word, after more than clitics
        key = name_key(stream[starts[first]:begin], found, gazetteer.by_key)
        if key:
            matches.append(_without_type_word(tokens, _NameMatch(first, last, key, gazetteer.lookup_key(key)), gazetteer))
    return matches


def _without_type_word(tokens: tuple[Token, ...], match: _NameMatch, gazetteer: Gazetteer) -> _NameMatch:
    """A name the table writes with its type word («حي المزة») is the name after the word, which then governs it."""
    cue = cue_of(tokens[match.first])
    if match.first == match.last or not cue or cue[0] != "type" or cue[1] in NAME_FORMING | {"facility"}:
        return match
    rest = match.key.split(" ", 1)[1]
    return _NameMatch(match.first + 1, match.last, rest, match.candidates + gazetteer.lookup_key(rest))


def _longest(matches: list[_NameMatch]) -> list[_NameMatch]:
    """Overlapping names keep the longest: «درعا البلد» over «درعا»."""
    chosen, taken = [], set()
    for match in sorted(matches, key=lambda m: (m.first - m.last, m.first)):
        if match.first == match.last:
            if match.first not in taken:
                chosen.append(match)
                taken.add(match.first)
            continue
        span = range(match.first, match.last + 1)
        if taken.isdisjoint(span):
            chosen.append(match)
            taken.update(span)
    return sorted(chosen, key=lambda m: m.first)


def _sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence (given by its start offsets) an offset falls in."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _distance_km(a: Place, b: Place) -> float:
    return _km_between(a.lat, a.lon, b.lat, b.lon)


@lru_cache(maxsize=65536)
def _km_between(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float:
    """Great-circle distance; cached, as the same towns are compared article after article."""
    if None in (lat1, lon1, lat2, lon2):
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class _Context:
    """What the article says about where things are: its country, the anchors and cities it names."""

    country: str | None
    anchors: tuple[tuple[int, int, Place], ...]   # (match index, sentence, place)
    cities: tuple[tuple[int, int, Place], ...]    # (match index, sentence, city or capital named)

    @cached_property
    def _by_sentence(self) -> dict[int | None, Counter]:
        counts: dict[int | None, Counter] = {None: Counter()}
        for _, where, place in self.anchors:
            counts.setdefault(where, Counter())[place.admin1_en] += 1
            counts[None][place.admin1_en] += 1
        return counts

    @cached_property
    def by_sentence(self) -> dict[int, list[tuple[int, Place]]]:
        """Anchors of each sentence: (match index, place)."""
        grouped: dict[int, list[tuple[int, Place]]] = {}
        for index, where, place in self.anchors:
            grouped.setdefault(where, []).append((index, place))
        return grouped

    @cached_property
    def _anchor_of(self) -> dict[int, tuple[int, Place]]:
        return {index: (where, place) for index, where, place in self.anchors}

    def admin1_counts(self, sentence: int | None, exclude: int) -> Counter:
        """Governorates named by the anchors (of one sentence, or of the article), but one match."""
        counts = self._by_sentence.get(sentence, Counter())
        own = self._anchor_of.get(exclude)
        if own is None or (sentence is not None and own[0] != sentence):
            return counts
        return counts - Counter({own[1].admin1_en: 1})

    def named(self, sentence: int | None, exclude: int, admin1: str) -> int:
        """How often other matches name that governorate (in one sentence, or in the article)."""
        count = self._by_sentence.get(sentence, {}).get(admin1, 0)
        own = self._anchor_of.get(exclude)
        mine = own is not None and own[1].admin1_en == admin1 and (sentence is None or own[0] == sentence)
        return count - mine

    def local_admin1(self, sentence: int, exclude: int = -1) -> Counter:
        """The governorates of the sentence, or else of the article."""
        return self.admin1_counts(sentence, exclude) or self.admin1_counts(None, exclude)

    @cached_property
    def _distinct(self) -> tuple[tuple[frozenset[int], Place], ...]:
        """Each anchor place once, with the match indexes that name it."""
        seen: dict[str, tuple[set[int], Place]] = {}
        for index, _, place in (*self.anchors, *self.cities):
            if not place.is_admin_unit:  # a governorate's centroid says nothing of nearness
                seen.setdefault(place.id, (set(), place))[0].add(index)
        return tuple((frozenset(indexes), place) for indexes, place in seen.values())

    def nearest_km(self, place: Place, exclude: int) -> float:
        """Distance to the nearest place of the article named by another match."""
        return min((_distance_km(place, other) for indexes, other in self._distinct
                    if indexes != {exclude}), default=math.inf)

    def city_in(self, admin1: str, sentence: int) -> Place | None:
        """The city of that governorate the text names, nearest the sentence: «أحياء X في حلب»."""
        named = [(abs(where - sentence), place) for _, where, place in self.cities if place.admin1_en == admin1]
        return min(named, key=lambda item: item[0])[1] if named else None


def _anchor(match: _NameMatch, country: str | None = None) -> Place | None:
    """A confident reading of a name for context: the biggest place it can be (in the country)."""
    return _anchor_of(match.candidates, country)


@lru_cache(maxsize=65536)
def _anchor_of(candidates: tuple[Place, ...], country: str | None) -> Place | None:
    pool = [p for p in candidates if country is None or p.country_code == country]
    best = max(pool, key=lambda p: (p.rank, p.population), default=None)
    return best if best and best.rank >= 5 else None


@lru_cache(maxsize=65536)
def _country_vote(candidates: tuple[Place, ...]) -> tuple[str, float] | None:
    """The country a name votes for and how much: its biggest place's rank, halved when another
    country has a town or quarter of that name too («الحسينية»: a district in Egypt, a quarter
    of Baghdad, says less of the article's country than «بعقوبة»)."""
    anchor = _anchor_of(candidates, None)
    if anchor is None:
        return None
    shared = any(p.country_code != anchor.country_code and p.rank >= 3 for p in candidates)
    return anchor.country_code, anchor.rank / (2 if shared else 1)


def _city(match: _NameMatch, country: str | None) -> Place | None:
    return _city_of(match.candidates, country)


@lru_cache(maxsize=65536)
def _city_of(candidates: tuple[Place, ...], country: str | None) -> Place | None:
    """The city a name names; a town named like its own province is that province's seat,
    whatever class the table gives it («الحديدة», a "town" in the table)."""
    provinces = {p.admin1_en for p in candidates if p.feature_class in ("governorate", "province")}
    pool = [p for p in candidates if p.country_code == country and (
        p.feature_class in ("city", "capital") or (p.feature_class in SEAT_KINDS and p.admin1_en in provinces))]
    return max(pool, key=lambda p: (p.rank, p.population), default=None)


SEAT_KINDS = frozenset({"town", "village"})


def _build_context(matches, sentence_of_match, governed: dict[int, Governed], said: dict[str, int],
                   elsewhere: frozenset[int] = frozenset()) -> _Context:
    """Anchors: names of big places, common words only when a cue word stands before them («ريف حماة»),
    none an adjective puts abroad (`elsewhere`: match indexes)."""
    usable = [(i, m) for i, m in enumerate(matches)
              if (m.key not in common_words() or m.first in governed) and i not in elsewhere]
    country = _main_country([m for _, m in usable], set(governed), said)
    anchors = tuple(
        (i, sentence_of_match[i], a) for i, m in usable
        if (a := _anchor(m, country)) and a.admin1_en
    )
    cities = tuple((i, sentence_of_match[i], c) for i, m in usable if (c := _city(m, country)))
    return _Context(country, anchors, cities)


def _main_country(matches: list[_NameMatch], cued: set[int], said: dict[str, int]) -> str | None:
    """The country whose big places the article names most: a governorate outweighs a town,
    a name after a place word («مدينة درعا») outweighs a bare one («الجزيرة»), and each country
    adjective («العاصمة العراقية») counts as much as the country's name."""
    countries = dict(said)   # a plain dict: Counter costs more than the loop here
    for match in matches:
        if vote := _country_vote(match.candidates):
            code, weight = vote
            countries[code] = countries.get(code, 0) + weight * (2 if match.first in cued else 1)
    return max(countries, key=countries.__getitem__) if countries else None   # the first named wins a tie


COUNTRY_RANK = FEATURE_RANK["country"]


def _countries_said(folded: list[str], positions: frozenset[int]) -> dict[str, int]:
    """Votes of the country adjectives among a text's folded words (at `positions`), for countries
    the gazetteer holds: «شمالي العاصمة العراقية» -> {"IQ": 9}; «الاحتلال الإسرائيلي» gives none."""
    adjectives, votes = country_adjectives(), {}
    for code in filter(None, (adjectives.get(folded[i]) for i in positions)):
        if code in COUNTRY_NAMES:
            votes[code] = votes.get(code, 0) + COUNTRY_RANK
    return votes


# The smallest row class each type word allows without a penalty (FEATURE_RANK scale).
RANK_OF_TYPE = {"governorate": 5, "city": 4, "district": 4}

TYPE_FITS = {
    "governorate": {"governorate", "province"},
    "city": {"city", "capital", "town", "district"},
    "town": {"town", "village", "city"},
    "village": {"village", "town", "locality"},
    "neighbourhood": {"neighbourhood", "village", "locality"},
    "subdistrict": {"subdistrict", "town"},
    "district": {"district", "town", "city"},
    "camp": {"locality", "village", "neighbourhood"},
}


def _score(place: Place, index: int, sentence: int, cue: Cue | None, context: _Context) -> tuple[float, str]:
    score, why = place.rank * 0.5 + math.log10(place.population + 1) * 0.3, []
    if context.named(sentence, index, place.admin1_en):
        score, why = score + 10, why + [f"in {place.admin1_en}, named in the sentence"]
    elif context.named(None, index, place.admin1_en):
        score, why = score + 5, why + [f"in {place.admin1_en}, named in the article"]
    if context.country and place.country_code == context.country:
        score += 4
    if cue and cue.role == "type" and cue.value in TYPE_FITS:
        if place.feature_class in TYPE_FITS[cue.value]:
            score, why = score + 2, why + [f"a {place.feature_class}, as «{cue.value}» says"]
        elif place.rank < RANK_OF_TYPE.get(cue.value, 0) or (cue.value == "city" and place.is_admin_unit):
            score -= 4  # «مدينة تعز» is not a village called تعز, «العاصمة صنعاء» not the province
    near = context.nearest_km(place, index)
    if near < 30:
        score, why = score + 3, why + [f"{near:.0f} km from another place of the article"]
    if place.is_admin_unit and not (cue and (cue.role == "region" or cue.value == "governorate")):
        score -= 3
    if place.feature_class == "country" and (cue is None or cue.role != "type"):
        score, why = score + 12, why + ["the country of that name"]  # «غربي اليمن» is no quarter «اليمن»
    return score, "; ".join(why) or f"largest candidate ({place.feature_class})"


def _plausible(candidates: tuple[Place, ...], country: str | None) -> tuple[Place, ...]:
    """The candidates in the article's country (or the one an adjective says), if it has any."""
    local = tuple(p for p in candidates if p.country_code == country)
    return local or candidates


def _country_said(tokens: tuple[Token, ...], last: int) -> str | None:
    """The country an adjective or a bearing right after a name gives: «طرابلس الليبية» -> LY,
    «بلدة عيتا الشعب جنوبي لبنان» -> LB."""
    if last + 1 >= len(tokens):
        return None
    said = country_adjectives().get(tokens[last + 1].folded)
    cue = cue_of(tokens[last + 1])
    if said is None and cue and cue[0] == "direction" and last + 2 < len(tokens):
        said = _country_code(country_words().get(tokens[last + 2].folded))
    return said


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(country_adjectives()) | frozenset(country_words())


def _country_word_positions(folded: list[str]) -> frozenset[int]:
    """Positions of country adjectives and country names («الليبية», «لبنان»), found in one C loop."""
    return frozenset(compress(count(), map(_country_keys().__contains__, folded)))


def _abroad(article: _Article, member: Governed) -> bool:
    """An unknown name an adjective puts in another country than the article's: «مدينة أدري
    التشادية» in a report on Darfur is no Sudanese town the table lacks."""
    said, country = _country_said(article.tokens, member.last), article.context.country
    return said is not None and country is not None and said != country


def _said_elsewhere(tokens: tuple[Token, ...], match: _NameMatch) -> bool:
    """A name an adjective puts in a country where the table has no place of that name:
    «موقع المالكية الإسرائيلي» is no Syrian town, whatever «المالكية» names in Syria."""
    said = _country_said(tokens, match.last)
    return said is not None and all(p.country_code != said for p in match.candidates)


def _own_province(candidates: tuple[Place, ...]) -> str | None:
    """The first-level unit a name itself names, if any: «الحديدة» -> Al Hudaydah."""
    return next((p.admin1_en for p in candidates if p.feature_class in ("governorate", "province")), None)


FOREIGN_KINDS = frozenset({"country", "capital", "city"})


def _is_supported(match, index, cue, sentence, context, coordinated: bool, adjective: bool = False) -> bool:
    """Whether a name is a place here: a cue, a list of places, a big place, or a governorate around it."""
    if cue is not None or coordinated:
        return True
    ordinary = match.first == match.last and match.key in ordinary_words()  # «الكرامة», «الإدارة»
    if match.key in common_words() or ordinary:
        return False
    if context.country and all(p.country_code != context.country for p in match.candidates):
        # a foreign capital or country, not a namesake village nor «الجزيرة» the channel
        return not ordinary and any(p.feature_class in FOREIGN_KINDS for p in match.candidates)
    if adjective:
        return False  # «الأبنية المرتفعة»: a definite word after a definite noun describes it
    if not ordinary and (match.last > match.first or any(p.rank >= 4 for p in match.candidates)):
        return True  # multi-word names and towns are rarely ordinary words
    around = context.admin1_counts(sentence, index) + context.admin1_counts(None, index)
    return any(around[p.admin1_en] for p in match.candidates)


# Type words of things beside a place rather than the place itself: «معبر نصيب», «طريق الكسارات».
BESIDE = frozenset({"facility", "road", "route", "natural"})
SPOTS = frozenset({"village", "neighbourhood", "camp"})  # settlement words for a place smaller than a district


def _role(cue: Cue | None, place: Place) -> str:
    """How a mention places an event: «ريف درعا» region, «غرب طفس» direction, «معبر نصيب» near."""
    if cue is None:
        return "region" if place.is_admin_unit else "place"
    if cue.role == "type":
        if cue.value == "district":
            return "region"  # «قضاء سنجار», «محلية القرشي»: only the district is known, not its seat town
        if cue.value == "city":
            return "place"  # «مدينة مأرب» where the table holds only the district «Marib City»
        if cue.value == "subdistrict":
            return "near"  # «ناحية الحيدرية», «عزلة X»: somewhere in a small unit named after its town
        if cue.value in BESIDE:
            return "near"
        if cue.value in SPOTS and place.feature_class in ("subdistrict", "district"):
            return "near"  # «مخيم الهول» where only the subdistrict of that name is known: at its centre
        if cue.value == "area" and place.feature_class in LOCAL_UNITS:
            return "near"  # «منطقة رغوان»: an area named after its district, a small region
        wide = cue.value == "governorate" or place.is_admin_unit or (cue.value == "area" and place.rank >= 5)
        return "region" if wide else "place"  # «مناطق درعا» are a region
    return {"near": "near", "between": "between", "direction": "direction"}.get(cue.role, "region")


URBAN_KM = 8  # a district whose point lies this near a city the article names is part of that city
LOCAL_UNITS = frozenset({"district", "subdistrict"})
QUARTER_WORDS = frozenset({"district", "area", "neighbourhood"})  # «مديرية», «منطقة», «حي»


def _urban_district(context: _Context, place: Place, cue: Cue | None) -> bool:
    """A district named as a quarter of a city the article names: «مديرية المنصورة» of Aden,
    «منطقة المطرية» of Cairo; not a region around it («بلدات الغوطة الشرقية»)."""
    if cue is None or cue.role != "type" or cue.value not in QUARTER_WORDS:
        return False
    if place.feature_class not in LOCAL_UNITS and cue.value != "district":
        return False
    return any(_distance_km(place, city) <= URBAN_KM for _, _, city in context.cities if city.id != place.id)


def to_location(place: Place, role: str, mention: str, span: Span) -> Location:
    """The Location record of a gazetteer row, at the geo_precision its role gives."""
    return Location(
        name_ar=place.name_ar, name_en=place.name_en, gazetteer_id=place.id,
        admin1=place.admin1_en or None, admin2=place.admin2_en or None, admin3=place.admin3_en or None,
        country=place.country, lat=place.lat, lon=place.lon,
        geo_precision=PRECISION_BY_ROLE.get(role, 1), mention=mention, span=span,
    )


def _after_definite_noun(article: _Article, match: _NameMatch) -> bool:
    """A one-word definite name of a small place right after a definite noun that is no place:
    «الأبنية المرتفعة» (the high buildings), not the village «المرتفعة»."""
    if match.first != match.last or match.first == 0 or not match.key.startswith("ال"):
        return False
    if any(p.rank >= LARGE_RANK for p in match.candidates):
        return False
    before = article.tokens[match.first - 1]
    definite = before.folded.startswith(("ال", *PREPOSITION_ARTICLE))  # «للحرس الثوري» too
    return definite and before.folded.isalpha() and match.first - 1 not in article.strong_name_ends


def _person_like(tokens: tuple[Token, ...], match: _NameMatch) -> bool:
    """A name of several words that starts with a given name, also behind «و»: «علي حسن», «ومحمد جاسم»."""
    first = tokens[match.first].folded
    names = given_names()
    return first in names or (first[:1] in ("و", "ب", "ل") and first[1:] in names)


def _is_weak(match: _NameMatch) -> bool:
    """A one-word name that is mostly an ordinary or common word: «الحرية», «الباب»."""
    return match.key in common_words() or (match.first == match.last and match.key in ordinary_words())


def _coordinated(tokens, matches, index) -> bool:
    """«X و Y» or «X، Y» with a confirmed neighbour: lists of villages."""
    match = matches[index]
    nxt = matches[index + 1] if index + 1 < len(matches) else None
    prv = matches[index - 1] if index > 0 else None
    nxt = None if nxt and _is_weak(nxt) else nxt  # «السوق ومدرسة», «الكرامة والحرية» are no list of places
    prv = None if prv and _is_weak(prv) else prv
    joined_next = nxt and nxt.first - match.last <= 2 and tokens[match.last + 1].folded in ("،", ",", "و")
    starts_with_and = tokens[match.first].folded.startswith("و")
    joined_prev = prv and match.first - prv.last <= 2 and (starts_with_and or tokens[prv.last + 1].folded in ("،", ","))
    return bool(joined_next or joined_prev)


@dataclass(frozen=True)
class _Article:
    """One article's text, tokens, sentences, and what the first passes found in them."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    matches: list[_NameMatch]
    sentence_of: list[int]
    governed: dict[int, Governed]
    context: _Context
    elsewhere: frozenset[int] = frozenset()   # matches an adjective puts in a country they are not in

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def token_starts(self) -> list[int]:
        return [t.span.start for t in self.tokens]

    def token_at(self, offset: int) -> int:
        """Index of the token that starts at or before an offset."""
        return max(bisect.bisect_right(self.token_starts, offset) - 1, 0)

    def sentence_at(self, offset: int) -> int:
        return _sentence_of(self.sentence_starts, offset)

    @cached_property
    def cue_positions(self) -> tuple[int, ...]:
        """Tokens that carry a cue word: the only ones the cue-led passes need to visit."""
        return cue_positions(self.tokens)

    @cached_property
    def name_ends(self) -> frozenset[int]:
        """First and last tokens of every gazetteer name found."""
        return frozenset(i for m in self.matches for i in (m.first, m.last))

    @cached_property
    def match_starts(self) -> frozenset[int]:
        """First tokens of every gazetteer name found."""
        return frozenset(m.first for m in self.matches)

    @cached_property
    def strong_name_ends(self) -> frozenset[int]:
        """First and last tokens of the gazetteer names found that are not mostly ordinary words («الحرس»)."""
        return frozenset(i for m in self.matches if not _is_weak(m) for i in (m.first, m.last))

    @cached_property
    def confirmed(self) -> frozenset[str]:
        """Names a cue word confirms somewhere in the article: «ريف الرقة» confirms a bare «الرقة»."""
        return frozenset(m.key for m in self.matches if m.first in self.governed)


def _read_article(text, tokens, sentences) -> _Article:
    matches = match_names(tokens, load_gazetteer())
    starts = {m.first: m.last for m in matches}
    big = {m.first for m in matches if any(p.rank >= 7 for p in m.candidates)}
    prefixed = {m.first for m in matches if set(_proclitics(tokens, m)) & {"ب", "ل", "ك"}}
    weak = {m.first for m in matches if m.first == m.last and m.key in common_words()}
    governed = {}
    cued = {m.first for m in matches if m.first and cue_of(tokens[m.first - 1])}
    folded = list(map(_FOLDED, tokens))
    after = _country_word_positions(folded)
    said = _countries_said(folded, after)
    elsewhere = frozenset(i for i, m in enumerate(matches)
                          if (m.last + 1 in after or m.last + 2 in after) and _said_elsewhere(tokens, m))
    voters = [m for i, m in enumerate(matches) if m.key not in common_words() and i not in elsewhere]
    country = _main_country(voters, cued, said)
    large = {m.first for m in matches if any(p.rank >= LARGE_RANK and p.country_code in (country, None) for p in m.candidates)}
    for member in governed_names(tokens, starts, big, prefixed, weak, large):
        if member.first not in governed or governed[member.first].cue.token < member.cue.token:
            governed[member.first] = member  # the nearest cue word wins
    starts_of_sentences = [s.start for s in sentences]
    sentence_of = [_sentence_of(starts_of_sentences, tokens[m.first].span.start) for m in matches]
    inside = _inside_unknown(governed, NAME_FORMING)  # «شارع صلاح الدين» names a street, not the province
    absorbed = frozenset(i for i, m in enumerate(matches) if m.first in inside)
    context = _build_context(matches, sentence_of, governed, said, elsewhere | absorbed)
    return _Article(text, tokens, sentences, matches, sentence_of, governed, context, elsewhere)


def _inside_unknown(governed: dict[int, Governed], kinds: frozenset[str] | None = None) -> set[int]:
    """Tokens of the governed names the table lacks (of those type words only, if `kinds`):
    «قرية صيدا الجولان», «شارع صلاح الدين»."""
    return {i for member in governed.values() if not member.exact and (kinds is None or member.cue.value in kinds)
            for i in range(member.first, member.last + 1)}


def load_place_resources() -> None:
    """Load every table the place stage reads (gazetteer, Latin names, cue lexicons) once per process."""
    load_gazetteer()
    latin_index()
    load_cue_lexicons()
    _country_keys()


def find_places(text: str, tokens: tuple[Token, ...], sentences: tuple[Span, ...]) -> tuple[PlaceMention, ...]:
    """Every place mention of an article, resolved: find_places(text, tokenize(text), split_sentences(text))."""
    article = _read_article(text, tokens, sentences)
    absorbed = _absorbed_matches(article)
    resolved = [(match, _mention_of_match(article, index, match))
                for index, match in enumerate(article.matches) if match.first not in absorbed]
    found = _same_name_same_place(article, resolved)
    for member in article.governed.values():
        if not member.exact and not _abroad(article, member):
            found.append(_unknown_mention(article, member))
    found.extend(anaphor_mentions(article, found))
    found.extend(border_mentions(article))
    found.extend(capital_mentions(article))
    found.extend(countryside_mentions(article, found))
    return tuple(sorted(found, key=lambda m: m.span.start))


def _same_name_same_place(article: _Article, resolved) -> list[PlaceMention]:
    """A bare name reads as the small place a place word made of it elsewhere in the article:
    «حي المزة» (a quarter of Damascus) makes a later «بالمزة» that quarter, not a village of Aleppo."""
    cued = {}
    for match, mentions in resolved:
        if match.first in article.governed and mentions and mentions[0].kind not in LARGE_KINDS:
            cued.setdefault(match.key, mentions[0])
    found = []
    for match, mentions in resolved:
        model = cued.get(match.key)
        if model is not None and mentions and match.first not in article.governed:
            mentions = [_as_model(mentions[0], model)]
        found.extend(mentions)
    return found


def _as_model(mention: PlaceMention, model: PlaceMention) -> PlaceMention:
    location = replace(model.location, mention=mention.location.mention, span=mention.span,
                       geo_precision=mention.location.geo_precision)
    reason = f"the {model.kind} «{model.location.mention}» of the same article"
    return replace(mention, location=location, reason=reason, kind=model.kind)


def _absorbed_matches(article: _Article) -> set[int]:
    """First tokens of gazetteer names inside a longer governed name: «صيدا» of «قرية صيدا الجولان»."""
    inside = _inside_unknown(article.governed)
    return {match.first for match in article.matches if match.first in inside}


def _mention_of_match(article: _Article, index: int, match: _NameMatch) -> list[PlaceMention]:
    member = article.governed.get(match.first)
    cue = member.cue if member else None
    sentence = article.sentence_of[index]
    first_word = article.tokens[match.first].folded
    # «ودرعا» joins a list; «وقوع», «وصول» are words of their own, whatever «قوع» may name
    weak, joined = _is_weak(match), first_word.startswith("و") and first_word not in ordinary_words()
    if weak and member is None and not joined and match.key not in article.confirmed:
        return []  # the common case of an ordinary word («قوات», «الدولة»): no support possible
    if match.first == match.last and len(match.key) <= 2 and cue is None:
        return []  # «أم دباكر»: a two-letter word («أم», «تل») is a name only after a place word
    countries = frozenset(p.country_code for p in match.candidates)
    if cue is None and match.first and heads_an_organisation(article.tokens[match.first - 1].folded, countries):
        return []  # «قناة الجزيرة», «سرايا القدس»: the name of an outlet or a unit
    if cue is None and match.last > match.first and _person_like(article.tokens, match):
        return []  # «لقي علي حسن ومحمد جاسم مصرعهما»: people, whatever villages share their names
    small = all(p.rank < LARGE_RANK for p in match.candidates)  # «شرق حماة» stays: a city is named so
    if weak and small and cue is not None and cue.role == "direction":
        return []  # «جنوب المسجد الأقصى»: a bearing from a common word names no village of that name
    listed = _coordinated(article.tokens, article.matches, index)
    if listed and weak and not joined:
        listed = False  # «نوى، الذين»: a comma before a common word is no list
    adjective = _after_definite_noun(article, match)
    if index in article.elsewhere:
        return []
    if match.key in NAME_STOPS or not _is_supported(
            match, index, cue, sentence, article.context, listed or match.key in article.confirmed, adjective):
        return []
    nearest = _nearest_admin1(article, match.first, sentence, index)
    mention = _resolve(article, match, index, sentence, cue, nearest)
    mention = _under_relative(article, _with_countryside(article, mention, match), cue)
    mention = _under_definite_relative(article, mention)
    said = _country_said(article.tokens, match.last)
    if said == _country_code(mention.location.country):
        return [mention]  # «طرابلس اللبنانية» in an article on Libya
    if _foreign_to_context(mention, index, sentence, cue, article.context, nearest, _row_of(mention, match)):
        # «قرية صيدا» in an article on Quneitra is not Saida in Lebanon: a local place the table lacks
        local = member and may_be_local(match.key, cue)
        return [_unknown_mention(article, member)] if local else []
    return [mention]


LARGE_KINDS = frozenset({"country", "capital", "governorate", "province", "city", "district"})


def _row_of(mention: PlaceMention, match: _NameMatch) -> Place | None:
    """The gazetteer row a resolved mention stands for."""
    return next((p for p in match.candidates if p.id == mention.location.gazetteer_id), None)


def _overrulable(kind: str, cue: Cue) -> bool:
    """Whether a namesake of this kind may give way to a local place the table lacks: villages and
    towns («قرية المزيرعة» in an article on Daraa), never a city nor a place the text calls a city."""
    return kind not in LARGE_KINDS and cue.value != "city"


def _foreign_to_context(mention, index, sentence, cue, context, nearest: str | None = None,
                        place: Place | None = None) -> bool:
    """A name read outside the article's country, or a type-cued one outside the governorates around it
    (for a quarter: outside the governorate named nearest it, «حي الروضة شرقي مدينة تعز»)."""
    location = mention.location
    if context.country and _country_code(location.country) != context.country:
        if cue is not None and cue.value in ("city", "governorate", "district") and mention.kind in LARGE_KINDS:
            return False  # «مدينة بنغازي» in an article on Syria is still Benghazi
        return location.geo_precision != 3 or cue is not None
    if cue is None or cue.role != "type" or cue.value not in SETTLEMENTS or not _overrulable(mention.kind, cue):
        return False  # a city or town the sentence names is not overruled by the governorate around
    if place is not None and context.nearest_km(place, index) < 40:
        return False  # «منطقة جنزور غرب طرابلس»: the namesake next to the city is the place
    if cue.value == "neighbourhood" and nearest and context.named(sentence, index, nearest):
        return location.admin1 != nearest
    local = context.local_admin1(sentence, index)
    return bool(local) and location.admin1 not in local


def _country_code(name: str | None) -> str | None:
    return _CODE_OF_COUNTRY.get(name, name)


_CODE_OF_COUNTRY = {full: code for code, full in COUNTRY_NAMES.items()}


def _choose(article: _Article, match, index, sentence, cue, nearest: str | None) -> tuple[Place, str]:
    """The best-scoring reading of a name, with the reasons for it: «مدينة تعز» -> the city of Ta`izz."""
    own = _own_province(match.candidates)
    said = _country_said(article.tokens, match.last)
    scored = []
    for candidate in _plausible(match.candidates, said or article.context.country):
        value, why = _score(candidate, index, sentence, cue, article.context)
        if said and candidate.country_code == said:
            value, why = value + 20, f"in the country «{article.tokens[match.last + 1].text}» says; {why}"
        if candidate.admin1_en == own:
            value, why = value + 6, f"in the province of that name; {why}"  # «مدينة تعز» lies in Ta`izz
        if nearest and candidate.admin1_en == nearest:
            value += 3  # «حي الروضة شرقي مدينة تعز»: the governorate named nearest
        scored.append((value, why, candidate))
    _, reason, place = max(scored, key=lambda item: item[0])
    if len(match.candidates) > 1:
        reason = f"{reason}; chosen over {len(match.candidates) - 1} other place(s) of that name"
    return place, reason


def _resolve(article: _Article, match, index, sentence, cue, nearest: str | None) -> PlaceMention:
    """A gazetteer name as a resolved mention, its span taking in the cue word right before it."""
    place, reason = _choose(article, match, index, sentence, cue, nearest)
    tokens, text = article.tokens, article.text
    name_span = Span(tokens[match.first].span.start, tokens[match.last].span.end)
    span = _with_cue(tokens, name_span, match.first, cue)
    role = _role(cue, place)
    if role in ("region", "near") and _urban_district(article.context, place, cue):
        role = "place"  # «منطقة المطرية شرقي القاهرة»: a district of a city is one of its quarters
    if cue is not None and cue.role == "type" and cue.token and tokens[cue.token - 1].folded == "بين":
        role = "between"  # «بين بلدتي X وY»: the type word stands between «بين» and the names
    location = to_location(place, role, span.quote(text), span)
    named = surface_name(tokens, match)
    whole = place.feature_class not in ADMIN_KINDS and _cue_in_name(span.quote(text), place.name_ar)
    if fold_word(named) != fold_word(place.name_ar) and not whole:
        location = replace(location, name_ar=named)  # the alias the text used: «بصرى الشام» for «بصرى»
    return PlaceMention(span, name_span, sentence, role, location, reason, place.feature_class)


ADMIN_KINDS = frozenset({"country", "governorate", "province", "district", "subdistrict"})


def _cue_in_name(quoted: str, name_ar: str) -> bool:
    """«بحارة حريك»: the type word before the name is part of the gazetteer's name (one or two
    clitic letters aside), so the name stays whole."""
    folded, name = fold_word(quoted), fold_word(name_ar)
    return " " in name and folded.endswith(name) and len(folded) - len(name) <= 2  # not «الميادين» for «ميادين»


def _proclitics(tokens: tuple[Token, ...], match: _NameMatch) -> str:
    """The folded letters before a name on its first word: «وبدرعا» -> "وب", «للرقة» -> "ل"."""
    return _letters_before(tokens[match.first].folded, match.key)


@lru_cache(maxsize=65536)
def _letters_before(first_folded: str, key: str) -> str:
    head = key.split(" ")[0]
    if not first_folded.endswith(head):
        head = head[2:] if head.startswith("ال") else head  # «للمدينة»: the article's alef is not written
    return first_folded[:max(len(first_folded) - len(head), 0)]


def surface_name(tokens: tuple[Token, ...], match: _NameMatch) -> str:
    """The name as written, without the clitics on its first word: «وبدرعا البلد» -> «درعا البلد»."""
    words = [t.text for t in tokens[match.first:match.last + 1]]
    words[0] = _drop_letters(words[0], len(_proclitics(tokens, match)))
    cue = place_words().get(fold_word(words[0]), ("", ""))
    if len(words) > 1 and cue[0] == "type" and cue[1] in SETTLEMENTS:
        words = words[1:]  # «حي درعا البلد» is the quarter «درعا البلد»
    return " ".join(words)


def _drop_letters(word: str, count: int) -> str:
    """Drop `count` leading letters, with any marks on them: ("بِدرعا", 1) -> "درعا"."""
    position = 0
    while count and position < len(word):
        position += 1
        while position < len(word) and fold_word(word[position]) == "":
            position += 1
        count -= 1
    return word[position:]


def _member_name(article: _Article, member: Governed) -> str:
    """A governed name as written, without list «و» or clitics: «وسوحا» -> «سوحا»."""
    tokens = article.tokens
    base = next((m for m in article.matches if m.first == member.first), None)
    if base is not None:
        head = surface_name(tokens, base)
        rest = tokens[base.last + 1:member.last + 1]
    else:
        head = _drop_letters(tokens[member.first].text, member.skip)
        rest = tokens[member.first + 1:member.last + 1]
    return " ".join([head, *(t.text for t in rest)])


def _unknown_mention(article: _Article, member: Governed) -> PlaceMention:
    """A governed name the table lacks (or lacks in this governorate), placed in its context."""
    tokens, text = article.tokens, article.text
    name_span = Span(tokens[member.first].span.start, tokens[member.last].span.end)
    span = _with_cue(tokens, name_span, member.first, member.cue)
    sentence = article.sentence_at(span.start)
    own = next((i for i, m in enumerate(article.matches) if m.first == member.first), -1)
    admin1 = _nearest_admin1(article, member.first, sentence, own)  # not its own namesake's: «حي الروضة ... تعز»
    role = UNKNOWN_ROLES.get(member.cue.value, "place")  # «طريق الكسارات»: along the road
    location = Location(
        name_ar=_member_name(article, member), admin1=admin1, country=_country_name(article.context.country),
        geo_precision=PRECISION_BY_ROLE[role], mention=span.quote(text), span=span,
    )
    location, where = _place_within(article, member, location, sentence)
    if location.lat is None and member.cue.value not in ("neighbourhood", "camp", "road", "route", "natural"):
        location, where = _by_latin_name(article, location, where)
    reason = f"not in the gazetteer here; a {member.cue.value} by «{tokens[member.cue.token].text}»"
    reason += (f", in {admin1}" if admin1 else "") + where
    mention = PlaceMention(span, name_span, sentence, role, location, reason, member.cue.value)
    return _under_definite_relative(article, _under_relative(article, mention, member.cue))


# How a governed name the table lacks places an event, by its type word: beside a road or
# feature, somewhere in a subdistrict («ناحية الرشاد»), only in a district («مديرية X»).
UNKNOWN_ROLES = {**dict.fromkeys(BESIDE, "near"), "subdistrict": "near", "district": "region"}


def _with_countryside(article: _Article, mention: PlaceMention, match: _NameMatch) -> PlaceMention:
    """«معرة النعمان وريفها»: the town and the country around it, near the town (precision 2)."""
    nxt = match.last + 1
    if nxt >= len(article.tokens) or not article.tokens[nxt].folded.startswith(("وريف", "واطراف", "ومحيط")):
        return mention
    if mention.location.geo_precision != 1:
        return mention
    return replace(mention, role="near", location=replace(mention.location, geo_precision=2))


RELATIVE_ROLES = frozenset({"near", "direction", "between", "region"})


def _under_relative(article: _Article, mention: PlaceMention, cue: Cue | None) -> PlaceMention:
    """«أطراف بلدتي X وY», «غرب مدينة درعا»: a relative word before the type word sets role and precision."""
    if cue is None or cue.role != "type" or cue.token == 0:
        return mention
    tokens = article.tokens
    outer = cue_of(tokens[cue.token - 1])
    if not outer or outer[0] not in RELATIVE_ROLES or tokens[cue.token - 1].folded.startswith("ال"):
        return mention
    span = mention.span
    if span.start == tokens[cue.token].span.start:
        span = Span(tokens[cue.token - 1].span.start, span.end)
    precision = PRECISION_BY_ROLE[outer[0]]
    if outer[0] == "region" and mention.kind not in ADMIN_KINDS:
        precision = 2  # «ريف مدينة الفاشر»: the country around a town is near it, not a whole province
    location = replace(mention.location, geo_precision=precision, mention=span.quote(article.text), span=span)
    return replace(mention, span=span, role=outer[0], location=location)


def _under_definite_relative(article: _Article, mention: PlaceMention) -> PlaceMention:
    """«الأطراف الشرقية لبلدة يطا», «المدخل الشمالي لمخيم عايدة»: a definite outskirts word, its
    adjectives, then the place behind «لـ» put the event near that place (precision 2)."""
    if mention.location.geo_precision != 1 or article.text[mention.span.start] != "ل":
        return mention  # the common case, told without finding the token
    tokens, first = article.tokens, article.token_at(mention.span.start)
    if first == 0:
        return mention
    position = first - 1
    while position > 0 and is_nisba(tokens[position].folded):
        position -= 1  # «الشرقية», «الشمالي»
    outer = cue_of(tokens[position])
    if not outer or outer[0] != "near" or not tokens[position].folded.startswith("ال"):
        return mention
    span = Span(tokens[position].span.start, mention.span.end)
    location = replace(mention.location, geo_precision=2, mention=span.quote(article.text), span=span)
    return replace(mention, span=span, role="near", location=location)


def _with_cue(tokens: tuple[Token, ...], name_span: Span, first: int, cue: Cue | None) -> Span:
    """The mention span: the name with its cue word when the cue stands right before it («قرية X»)."""
    if cue is None or cue.token >= first or any(t.folded.isalpha() for t in tokens[cue.token + 1:first]):
        return name_span
    return Span(tokens[cue.token].span.start, name_span.end)


def _nearest_admin1(article: _Article, first: int, sentence: int, exclude: int = -1) -> str | None:
    """The governorate named nearest a token in its sentence, else the article's most named one."""
    here = [(abs(article.matches[i].first - first), -article.matches[i].first, place.admin1_en)
            for i, place in article.context.by_sentence.get(sentence, ()) if i != exclude]
    if here:
        return min(here)[2]
    counts = article.context.admin1_counts(None, -1)
    return counts.most_common(1)[0][0] if counts else None


def _place_within(article: _Article, member: Governed, location: Location, sentence: int) -> tuple[Location, str]:
    """Coordinates for a name the table lacks: its namesake in the governorate, or the city of a quarter."""
    if location.admin1 is None:
        return location, ""
    base = next((m for m in article.matches if m.first == member.first), None)
    local = [p for p in (base.candidates if base else ()) if p.admin1_en == location.admin1]
    if local:
        place = max(local, key=lambda p: (not p.is_admin_unit, p.rank, p.population))
        return _with_point(location, place), f"; at «{place.name_ar}», the name it begins with"
    if member.cue.value in ("neighbourhood", "camp") and (city := article.context.city_in(location.admin1, sentence)):
        return _with_point(location, city), f"; a quarter of {city.name_en}, at its point"
    return location, ""


def _by_latin_name(article: _Article, location: Location, where: str) -> tuple[Location, str]:
    """A place only the Latin-named rows hold, read by its consonants (rasd.extract.latin_names)."""
    found = find_by_consonants(location.name_ar, article.context.country, location.admin1)
    if found is None:
        return location, where
    located = replace(
        location, name_en=found.name_en, gazetteer_id=found.id, lat=found.lat, lon=found.lon,
        admin1=found.admin1_en or location.admin1, admin2=found.admin2_en or None,
    )
    return located, f"; read as «{found.name_en}», a Latin-named {found.feature_class} of {found.admin1_en}"


def _with_point(location: Location, place: Place) -> Location:
    return replace(location, lat=place.lat, lon=place.lon, admin2=place.admin2_en or None,
                   admin3=place.admin3_en or None)


def _country_name(code: str | None) -> str | None:
    return COUNTRY_NAMES.get(code, code) if code else None


FITS_ANAPHOR = {
    "city": {"city", "capital", "town", "district"},
    "town": {"town", "village", "city"},
    "village": {"village", "town", "locality"},
    "neighbourhood": {"neighbourhood"},
    "camp": {"camp", "locality"},
}


def anaphor_mentions(article: _Article, found: list[PlaceMention]) -> list[PlaceMention]:
    """«أطراف المدينة», «غرب القرية»: the last place of that kind before, nearer (precision 2)."""
    tokens, mentions = article.tokens, []
    for index in article.cue_positions:
        cue = cue_of(tokens[index])
        if index == 0 or cue[0] != "anaphor":
            continue
        before = cue_of(tokens[index - 1])
        if not before or before[0] not in ("near", "direction"):
            continue
        antecedent = _antecedent(found, tokens[index].span.start, FITS_ANAPHOR.get(cue[1], set()))
        if antecedent is not None:
            mentions.append(_anaphor_mention(article, index, before[0], antecedent))
    return mentions


def _antecedent(found: list[PlaceMention], offset: int, kinds: set[str]) -> PlaceMention | None:
    earlier = [m for m in found if m.span.end <= offset and m.kind in kinds and m.role != "region"]
    return max(earlier, key=lambda m: m.span.start, default=None)


def _anaphor_mention(article: _Article, index: int, role: str, antecedent: PlaceMention) -> PlaceMention:
    tokens = article.tokens
    name_span = tokens[index].span
    span = Span(tokens[index - 1].span.start, name_span.end)
    location = replace(antecedent.location, geo_precision=2, mention=span.quote(article.text), span=span)
    sentence = article.sentence_at(span.start)
    reason = f"«{name_span.quote(article.text)}» refers back to «{antecedent.location.name_ar}»"
    return PlaceMention(span, name_span, sentence, role, location, reason, antecedent.kind)


CAPITAL_WORD = "العاصمه"


def capital_mentions(article: _Article) -> list[PlaceMention]:
    """«في العاصمة العراقية» with no name after it: the capital of the country the adjective names."""
    tokens, found = article.tokens, []
    for index in article.cue_positions:
        if not tokens[index].folded.endswith(CAPITAL_WORD) or index + 1 >= len(tokens):
            continue
        code = country_adjectives().get(tokens[index + 1].folded)
        named_next = index + 2 < len(tokens) and index + 2 in article.match_starts
        if code and not named_next and (capital := _capital_of(code)) is not None:
            found.append(_capital_mention(article, index, capital))
    return found


@lru_cache(maxsize=32)
def _capital_of(code: str) -> Place | None:
    name = capitals().get(code)
    rows = [p for p in load_gazetteer().lookup(name) if p.country_code == code] if name else []
    return max(rows, key=lambda p: (not p.is_admin_unit, p.rank), default=None)


def _capital_mention(article: _Article, index: int, capital: Place) -> PlaceMention:
    tokens = article.tokens
    span = Span(tokens[index].span.start, tokens[index + 1].span.end)
    sentence = article.sentence_at(span.start)
    location = to_location(capital, "place", span.quote(article.text), span)
    reason = f"the capital of the country «{tokens[index + 1].text}» names"
    mention = PlaceMention(span, span, sentence, "place", location, reason, capital.feature_class)
    return _under_relative(article, mention, Cue("type", "city", index))  # «جنوبي العاصمة السودانية»


BORDER = "حدود"


def border_mentions(article: _Article) -> list[PlaceMention]:
    """«قرب الحدود الأردنية», «على الحدود السورية التركية»: near a border, in the governorate around it."""
    tokens, found = article.tokens, []
    if BORDER not in article.text:
        return found
    for index in range(len(tokens) - 1):
        folded = tokens[index].folded
        if not (folded.endswith("ال" + BORDER) or folded.endswith("ل" + BORDER)) or not is_nisba(tokens[index + 1].folded):
            continue
        last = index + 2 if index + 2 < len(tokens) and is_nisba(tokens[index + 2].folded) else index + 1
        found.append(_border_mention(article, index, last))
    return found


def _border_mention(article: _Article, index: int, last: int) -> PlaceMention:
    tokens, text = article.tokens, article.text
    cue_token = index - 1 if index and (cue_of(tokens[index - 1]) or ("", ""))[0] == "near" else index
    name_span = Span(tokens[index].span.start, tokens[last].span.end)
    span = Span(tokens[cue_token].span.start, name_span.end)
    sentence = article.sentence_at(span.start)
    admin1 = _nearest_admin1(article, index, sentence)
    words = [_drop_letters(tokens[index].text, len(tokens[index].folded) - len(BORDER) - 2)]
    location = Location(
        name_ar=" ".join(words + [t.text for t in tokens[index + 1:last + 1]]), admin1=admin1,
        country=_country_name(article.context.country), geo_precision=2, mention=span.quote(text), span=span,
    )
    reason = "a border, placed in the governorate named nearest" + (f" ({admin1})" if admin1 else "")
    return PlaceMention(span, name_span, sentence, "near", location, reason, "border")


def countryside_mentions(article: _Article, found: list[PlaceMention]) -> list[PlaceMention]:
    """«بالريف الشمالي» with no name after it: the countryside of the governorate named nearest."""
    tokens, mentions = article.tokens, []
    taken = {m.span.start for m in found} | {tokens[g.cue.token].span.start for g in article.governed.values()}
    for index in article.cue_positions:
        cue = cue_of(tokens[index])
        if index == len(tokens) - 1 or cue[0] != "region" or "ال" not in tokens[index].folded[:4]:
            continue
        adjective = cue_of(tokens[index + 1])
        if not adjective or adjective[0] != "direction" or tokens[index].span.start in taken:
            continue
        if (mention := _countryside(article, index)) is not None:
            mentions.append(mention)
    return mentions


def _countryside(article: _Article, index: int) -> PlaceMention | None:
    tokens = article.tokens
    sentence = article.sentence_at(tokens[index].span.start)
    admin1 = _nearest_admin1(article, index, sentence)
    unit = next((p for _, _, p in article.context.anchors if p.admin1_en == admin1 and p.is_admin_unit
                 and p.feature_class in ("governorate", "province")), None)
    if unit is None:
        return None
    span = Span(tokens[index].span.start, tokens[index + 1].span.end)
    location = to_location(unit, "region", span.quote(article.text), span)
    reason = f"a countryside with no name: that of {unit.name_en}, the governorate named nearest"
    return PlaceMention(span, span, sentence, "region", location, reason, unit.feature_class)


def with_precision(mention: PlaceMention, precision: int) -> PlaceMention:
    """The same mention at another geo_precision (used by the event stage for «محيط»)."""
    return replace(mention, location=replace(mention.location, geo_precision=precision))
