"""Words around place names, and the names each such word governs.

A cue word («قرية», «ريف», «غرب», «بين») governs the name right after it,
across quotation marks («حي “الرميلة”»), and the later members of its
list: «قرى X وY وZ», «بين طفس والمزيريب», and after a plural head also
commas: «قرى X، Y، وZ». A settlement cue may govern a name the gazetteer
lacks; how far such a name runs is decided by frequent-word lists built
from a news corpus (data/lexicon/ordinary_words.txt), so «في قرية سوحا
وقتل» ends before «وقتل».
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import compress, count
from operator import attrgetter

from rasd.extract.actor_lexicon import country_words
from rasd.extract.lexicon import load_lexicon
from rasd.resources import data_path
from rasd.text.normalize import fold_word
from rasd.text.segment import Token, analyze

# Words that end an unknown place name after a place-type word.
NAME_STOPS = frozenset(fold_word(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "بعد", "قبل", "التي", "الذي", "الواقعة",
    "الواقع", "حيث", "أو", "او", "ضمن", "خلال", "عند", "منذ", "نحو", "حتى", "لدى",
    "لم", "لن", "لا", "ما", "قد", "كان", "كانت", "هذه", "هذا", "تلك", "ذلك", "كل", "بعض",
    "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "التابعة", "التابع", "المجاورة", "المجاور", "القريبة", "القريب", "المحاذية", "المحاذي",
    # time words: «في قريتي طفس والمزيريب اليوم» ends the name before «اليوم»
    "اليوم", "أمس", "الأمس", "البارحة", "صباح", "مساء", "فجر", "ظهر", "عصر", "ليل", "ليلة", "الليلة",
    "صباحا", "ظهرا", "عصرا", "ليلا", "فجرا", "يوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "الأسبوع", "الشهر", "العام", "الماضي", "الماضية", "الجاري",
    "الحالي", "المقبل",
    # adverbs that open the next clause: «بلدات X وY، تزامنا مع ...»
    "تزامنا", "بالتزامن", "أيضا", "مجددا", "حاليا", "سابقا", "لاحقا", "مؤخرا", "كذلك", "وسط",
))
# Prepositions with a pronoun: never in a name, and a list word right before one is a verb
# («محور X وتعاملت معها»).
PRONOUN_PREPOSITIONS = frozenset(fold_word(w) for w in (
    "معها", "معه", "معهم", "عليها", "عليه", "عليهم", "منها", "منه", "منهم", "فيها", "فيه", "فيهم",
    "لها", "له", "لهم", "بها", "به", "بهم", "عنها", "عنه", "عنهم", "إليها", "إليه", "إليهم",
))
NAME_STOPS = NAME_STOPS | PRONOUN_PREPOSITIONS
TANWEEN = frozenset("\u064b\u064c\u064d")   # a word with tanween («حاجزاً») is no name
PREPOSITION_ARTICLE = ("بال", "لل", "كال", "فال", "وال", "وبال", "ولل")
QUOTES = frozenset("\"'“”„«»‘’`")
LIST_COMMAS = frozenset({"،", ","})
DASHES = frozenset("-–—")
# Type words that are the first word of the names they head: «طريق الكسارات», «تلة أم السرج».
NAME_FORMING = frozenset({"road", "route", "natural"})
QUARTERS = frozenset({"neighbourhood", "camp"})  # type words of the parts of a town
SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood", "camp", "subdistrict", "area"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word: its role (type, region, near, direction, between), value, and token position."""

    role: str
    value: str
    token: int


@dataclass(frozen=True, slots=True)
class Governed:
    """A stretch of tokens a cue governs as a place name: «قرية X» or a later «وY» of its list."""

    first: int           # token positions, inclusive
    last: int
    cue: Cue
    skip: int            # letters of a list «و» on the first token, not part of the name
    match_first: int | None   # the gazetteer name starting here, if the stretch begins with one
    exact: bool          # the stretch is exactly that gazetteer name


# -- lexicons ---------------------------------------------------------------------


def _place_word_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in data_path("lexicon", "place_words.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "word\t")):
            word, role, value, *rest = line.split("\t")
            rows.append((fold_word(word), role, value, rest[0] if rest else ""))
    return rows


@cache
def place_words() -> dict[str, tuple[str, str]]:
    """Folded cue word -> (role, value), from data/lexicon/place_words.tsv."""
    return {word: (role, value) for word, role, value, _ in _place_word_rows()}


@cache
def plural_cues() -> frozenset[str]:
    """Folded cue words that head a list running on after commas: «قرى», «بلدتي»."""
    return frozenset(word for word, _, _, flag in _place_word_rows() if flag == "many")


@cache
def bound_cues() -> frozenset[str]:
    """Folded cue words that are also adjectives, a cue only behind a clitic or a preposition:
    «بمحلية كرري», «في محلية X», not «مصادر محلية»."""
    return frozenset(word for word, _, _, flag in _place_word_rows() if flag == "bound")


LOCATIVE_WORDS = frozenset(fold_word(w) for w in ("في", "من", "إلى", "الى", "على", "عن", "داخل", "التابعة", "التابع"))


def _adjective_reading(tokens: tuple[Token, ...], index: int) -> bool:
    """A bound cue word written bare after a word that is no preposition: the adjective."""
    folded = tokens[index].folded
    if folded not in bound_cues():
        return False  # a listed word with a clitic on it («بمحلية») is not in the set as written
    return index == 0 or tokens[index - 1].folded not in LOCATIVE_WORDS


@cache
def proper_only_cues() -> frozenset[str]:
    """Folded cue words that head an unknown name only when it has no article: «معسكر زمزم»."""
    return frozenset(word for word, _, _, flag in _place_word_rows() if flag == "proper")


@cache
def plural_endings() -> tuple[str, ...]:
    return tuple(plural_cues())


def _word_list(name: str) -> frozenset[str]:
    lines = data_path("lexicon", name).read_text(encoding="utf-8").splitlines()
    return frozenset(fold_word(w) for w in lines if w and not w.startswith("#"))


@cache
def common_words() -> frozenset[str]:
    """Place names that are also frequent ordinary words (data/lexicon/common_words.txt)."""
    return _word_list("common_words.txt")


@cache
def ordinary_words() -> frozenset[str]:
    """Words news text uses often outside names (data/lexicon/ordinary_words.txt): «واحدة», «قتل»."""
    return _word_list("ordinary_words.txt")


@cache
def org_heads() -> dict[str, str]:
    """Words that head an outlet's or a unit's name, each with the country where it is an admin
    unit instead (or ""): «قناة» -> "", «لواء» -> "JO" (data/lexicon/org_heads.txt)."""
    lines = data_path("lexicon", "org_heads.txt").read_text(encoding="utf-8").splitlines()
    rows = (line.split("\t") for line in lines if line and not line.startswith("#"))
    return {fold_word(row[0]): (row[1] if len(row) > 1 else "") for row in rows}


def heads_an_organisation(folded: str, countries: frozenset[str] = frozenset()) -> bool:
    """«قناة», «لقناة», «وسرايا»: an organisation word, also behind one or two clitic letters;
    not a word that is an admin unit in a country the name lies in («لواء الرمثا», Jordan)."""
    heads = org_heads()
    word = next((w for w in (folded, folded[1:], folded[2:]) if w in heads), None)
    return word is not None and heads[word] not in countries


@cache
def given_names() -> frozenset[str]:
    """Common given names: «علي» of «علي حسن» (data/lexicon/given_names.txt)."""
    return _word_list("given_names.txt")


@cache
def name_heads() -> frozenset[str]:
    """Everyday nouns that open compound names: «باب» of «باب التبانة» (data/lexicon/name_heads.txt)."""
    return _word_list("name_heads.txt")


@cache
def name_parts() -> frozenset[str]:
    """Frequent words that still end names: «صغير» of «كابر صغير» (data/lexicon/name_parts.txt)."""
    return _word_list("name_parts.txt")


def load_cue_lexicons() -> None:
    """Read every lexicon of this module now rather than on first use (benchmarks, workers)."""
    for load in (place_words, cue_stems, plural_endings, proper_only_cues, bound_cues, common_words, ordinary_words,
                 name_parts, name_heads, org_heads, given_names, country_adjectives, capitals):
        load()


class _CueMemo(dict):
    """Cue by surface word, each word analysed once; cleared past 200,000 words (a few MB)."""

    def __missing__(self, text: str) -> tuple[str, str] | None:
        if len(self) > 200_000:
            self.clear()
        cue = self[text] = _cue_of_word(text, fold_word(text))
        return cue


_CUES = _CueMemo()


@cache
def cue_stems() -> re.Pattern[str]:
    """What a cue word leaves in a longer word once `analyze` strips its clitics: the word, without
    its article («ريف» of «بالريف»), and with ta marbuta before a pronoun («قريت» of «قريتها»)."""
    stems = {w for w in place_words()} | {w[2:] for w in place_words() if w.startswith("ال")}
    stems |= {w[:-1] + "ت" for w in stems if w.endswith("ه")}
    return re.compile("|".join(sorted((re.escape(w) for w in stems if w), key=len, reverse=True)))


@cache
def country_adjectives() -> dict[str, str]:
    """Folded country adjective -> ISO code, from data/lexicon/country_adjectives.tsv: «الليبية» -> LY."""
    lines = data_path("lexicon", "country_adjectives.tsv").read_text(encoding="utf-8").splitlines()
    return {fold_word(word): code for word, code in (l.split("\t") for l in lines if l and not l.startswith("#"))}


def _cue_word(token: Token) -> str:
    """The cue word a token carries, without its clitics: «بمعسكر» -> «معسكر»."""
    folded = token.folded
    return next((folded[i:] for i in range(min(len(folded), 4)) if folded[i:] in place_words()), folded)


@cache
def capitals() -> dict[str, str]:
    """ISO code -> the capital's Arabic name, from data/lexicon/capitals.tsv: "IQ" -> «بغداد»."""
    lines = data_path("lexicon", "capitals.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def cue_of(token: Token) -> tuple[str, str] | None:
    """The cue a token carries, through its clitics: «بريف» -> ("region", "countryside")."""
    return _CUES[token.text]


def cue_positions(tokens: tuple[Token, ...]) -> tuple[int, ...]:
    """Positions of the tokens that carry a cue («قرية», «بريف», «غرب»), found in one C loop."""
    return tuple(compress(count(), map(_CUES.__getitem__, map(attrgetter("text"), tokens))))


def _cue_of_word(text: str, folded: str) -> tuple[str, str] | None:
    words = place_words()
    if folded in words:
        return words[folded]
    if not folded.isalpha() or not cue_stems().search(folded):
        return None  # no clitic reading can leave a cue word: skip the analysis
    for analysis in analyze(text):
        for form in (analysis.stem, "ال" + analysis.stem):
            if form in words and (analysis.proclitics or analysis.has_article):
                return words[form]
    return None


def _has_article(folded: str) -> bool:
    """«المنطقة», «بالمدينة», «للحي»: the generic noun, not the head of a name."""
    return folded.startswith(("ال", "وال", "بال", "فال", "لل", "ولل", "وبال"))


@cache
def place_adjectives() -> frozenset[str]:
    """Folded adjectives that follow a place word and are no name (data/lexicon/place_adjectives.txt)."""
    return _word_list("place_adjectives.txt")


def is_nisba(folded: str) -> bool:
    """An adjective of relation with the article: «الشرقية», «الحدودي», «السكنية»."""
    return folded.startswith("ال") and folded.endswith(("يه", "ي")) and len(folded) > 5


# -- what a cue governs -------------------------------------------------------------


def _skip_quotes(tokens: tuple[Token, ...], position: int) -> int:
    while position < len(tokens) and tokens[position].folded in QUOTES:
        position += 1
    return position


def _name_word(token: Token) -> bool:
    """A word that can stand in a name: letters, not a stop word, not a cue."""
    folded = token.folded
    return (len(folded) >= 2 and folded.isalpha() and folded not in NAME_STOPS and cue_of(token) is None
            and not TANWEEN & set(token.text))


def _opens_name(token: Token, skip: int, definite_only: bool) -> bool:
    """Whether an unknown name may start at this word (after a list «و» of `skip` letters);
    after «منطقة» (`definite_only`) an indefinite word must not look like an adjective."""
    word = token.folded[skip:]
    if skip and (len(word) < 2 or not word.isalpha() or word in NAME_STOPS or cue_of(token) is not None
                 or TANWEEN & set(token.text)):
        return False
    if not skip and (not _name_word(token) or word.startswith(PREPOSITION_ARTICLE)):
        return False  # «مخيمات للنازحين»
    if skip and len(word) >= 4 and word.endswith("وا"):
        return False  # «ورفعوا»: a plural verb ends the list
    if word in ordinary_words():
        return word in name_heads() or definite_first(word, skip, definite_only)
    if _owned_ordinary(word):
        return False  # «مناطق سيطرته», «منازلهم»: an everyday noun with a pronoun is no name
    if word.startswith("ال"):
        return True
    if not skip and word.removesuffix("ه") in place_adjectives():
        return False  # «حي سكني», «قرية نائية»
    return not definite_only or not word.endswith(("يه", "ي"))  # «منطقة جنزور», not «منطقة عسكرية»


PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")


def _owned_ordinary(word: str) -> bool:
    """An ordinary word with a possessive pronoun: «سيطرته» (سيطرة + ه), «منازلهم»."""
    for suffix in PRONOUN_SUFFIXES:
        base = word[:-len(suffix)]
        if word.endswith(suffix) and len(base) >= 3:
            bases = {base, base[:-1] + "ه"} if base.endswith("ت") else {base}
            return any(b in ordinary_words() for b in bases)
    return False


def definite_first(word: str, skip: int, definite_only: bool) -> bool:
    """A definite ordinary word right after a settlement word may still be its name («ناحية الحية»),
    unless it is a plural that describes the place («مخيم النازحين»)."""
    plural = word.endswith(("ين", "ون", "ات"))
    return not skip and not definite_only and word.startswith("ال") and not is_nisba(word) and not plural


def is_ordinary(folded: str) -> bool:
    """A frequent non-name word, also behind one preposition or conjunction letter: «لقصف», «وقتل»."""
    words = ordinary_words()
    return folded in words or (folded[:1] in ("ب", "ل", "ك", "ف", "و") and folded[1:] in words)


def may_be_local(key: str, cue: Cue) -> bool:
    """Whether a governed known name may stand for a local place the table lacks
    («حي باب الفرج» in Aleppo), rather than be an ordinary word («مناطق واسعة»)."""
    if cue.role != "type":
        return False
    if " " not in key and key in ordinary_words():  # «حي النهضة», «مخيم الأمل»: a quarter named by a word
        return cue.value in QUARTERS and definite_first(key, 0, False)
    return key.startswith("ال") or cue.value != "area" or not key.endswith(("يه", "ي"))


def _continues_name(token: Token) -> bool:
    """Whether a word carries an unknown name on: «عمر» of «حمادي عمر», not «انتهت», «الاستراتيجية»."""
    folded = token.folded
    if not _name_word(token) or folded.startswith(("و", *PREPOSITION_ARTICLE)):
        return False  # «بالقامشلي» places the name, it is not part of it
    if folded in name_parts():
        return True
    return not is_nisba(folded) and not is_ordinary(folded)


@dataclass(frozen=True)
class _Scene:
    """What every step of the list walk needs: the tokens and the gazetteer names found in them."""

    tokens: tuple[Token, ...]
    starts: dict[int, int]      # first token of each gazetteer name -> its last
    big: set[int]               # first tokens of names too big to be part of another name
    prefixed: set[int]          # first tokens of names behind a preposition: «بإدلب», «لحماة»
    weak: set[int]              # first tokens of one-word names that are mostly common words: «الدولة»
    large: set[int]             # first tokens of names of cities and bigger places


def _extent(tokens: tuple[Token, ...], first: int, starts: dict[int, int], big: set[int],
            prefixed: set[int] = frozenset()) -> int:
    """Last token of an unknown name from `first`: up to three more words, through smaller
    gazetteer names («حسن آغا» of «جب حسن آغا»), never into a big one («قرية X حلب»), a name
    behind a preposition («مخيم X بطولكرم») or a weapon («بلدة X بقذائف الهاون»)."""
    last = first
    while last + 1 < len(tokens) and last - first < 3:
        nxt = last + 1
        if nxt in big or _stops_name(tokens, nxt, prefixed) or not _continues_name(tokens[nxt]):
            break
        last = starts.get(nxt, nxt)
    return last


def _stops_name(tokens: tuple[Token, ...], index: int, prefixed: set[int]) -> bool:
    """A word no name runs into: a place behind a preposition («بطولكرم») or a weapon («بقذائف»)."""
    return index in prefixed or load_lexicon("weapons").match_at(tokens, index) is not None


def _extends_match(scene: _Scene, match_first: int, match_last: int) -> bool:
    """«قرية صيدا الجولان», «بلدة العلي باجلية», «حي سيف الدولة»: a known name and a word
    that is no place of its own (a definite ordinary word only where the name can end after it)."""
    tokens, nxt = scene.tokens, match_last + 1
    if nxt >= len(tokens) or nxt in scene.big or scene.starts.get(nxt, nxt) != nxt:
        return False
    if _stops_name(tokens, nxt, scene.prefixed):
        return False
    if match_first in scene.large:
        return tokens[nxt].folded in name_parts()  # «حلب الجديدة», not «القنيطرة المهدمة»
    if _continues_name(tokens[nxt]):
        return True
    definite = tokens[nxt].folded.startswith("ال") and _name_word(tokens[nxt])
    return definite and not is_nisba(tokens[nxt].folded) and _closed(tokens, nxt, scene.starts, scene.weak)


def _closed(tokens: tuple[Token, ...], last: int, starts: dict[int, int], weak: set[int]) -> bool:
    """Whether a name can end at `last`: before punctuation, «و», a stop, cue, adjective, ordinary word or known name."""
    nxt = _skip_quotes(tokens, last + 1)
    if nxt >= len(tokens) or (nxt in starts and nxt not in weak):
        return True
    folded = tokens[nxt].folded
    if TANWEEN & set(tokens[nxt].text):
        return True  # «مجدداً» is never part of a name
    ordinary = is_ordinary(folded) and not folded.startswith("ال")  # «انتهت», not «الدولة»
    return (not folded.isalpha() or folded.startswith("و") or folded in NAME_STOPS or ordinary
            or folded.startswith(PREPOSITION_ARTICLE)  # «وسفوهن بالمدفعية»: a «بال» word starts a phrase
            or cue_of(tokens[nxt]) is not None or is_nisba(folded))


def _close(tokens: tuple[Token, ...], first: int, last: int, scene: _Scene) -> int | None:
    """Carry a name on through definite words until it can end: «سيف الدولة» before «وحلب»; None if it cannot."""
    while not _closed(tokens, last, scene.starts, scene.weak):
        nxt = last + 1
        if last - first >= 3 or not tokens[nxt].folded.startswith("ال") or not _name_word(tokens[nxt]):
            return None
        last = nxt
    return last


def clitic_length(token: Token) -> int:
    """Letters of proclitics before the cue word a token carries: «بطريق» -> 1, «وتلة» -> 1."""
    words = place_words()
    for analysis in analyze(token.text):
        if analysis.stem in words and not analysis.has_article:
            return len(analysis.proclitics)
    return 0


def _known(scene: _Scene, position: int, skip: int, cue: Cue, article_cue: bool) -> Governed | None:
    """A gazetteer name the cue governs, extended by a definite word when the table lacks the longer name."""
    weak_behind = position in scene.weak and cue.role not in ("region", "direction")  # «الريف الشرقي لحماة» stays
    if position not in scene.starts or (position in scene.prefixed and (cue.role == "type" or weak_behind)):
        return None  # «المزارع بجروح»: a common word behind «ب» is no name a cue confirms
    last, folded = scene.starts[position], scene.tokens[position].folded
    if last == position and (folded in NAME_STOPS or (article_cue and is_nisba(folded))):
        return None  # «على» is no village «علي»; «المناطق الحيوية» is an adjective
    if cue.value in NAME_FORMING and last == position:
        return Governed(position, last, cue, skip, None, False)  # «شارعي الجلاء»: a street, not the town
    if skip and last == position and scene.tokens[position].folded[skip:] in ordinary_words() and not (
            cue.role == "type" and last + 1 < len(scene.tokens) and _continues_name(scene.tokens[last + 1])):
        return None  # «والمواقع» ends a list of villages, though some village is called so
    if cue.role == "type" and cue.value in SETTLEMENTS and _extends_match(scene, position, last):
        return Governed(position, _extent(scene.tokens, last + 1, scene.starts, scene.big, scene.prefixed), cue, 0, position, False)
    return Governed(position, last, cue, 0, position, True)


def _headed(scene: _Scene, position: int, skip: int, cue: Cue, definite_only: bool) -> Governed | None:
    """«طريق السد», «وتلة أم السرج»: a name that begins with its own type word."""
    tokens, nxt = scene.tokens, position + 1
    if nxt >= len(tokens) or (nxt in scene.big and cue.value != "road"):
        return None  # «طريق حلب» leads to the city; «شارع صلاح الدين» is a street of its own
    folded = tokens[nxt].folded
    if scene.starts.get(nxt, nxt) != nxt or (nxt in scene.starts and cue.value == "road"):
        last = scene.starts[nxt]  # «شارع حلب» in Raqqa is a street, whatever «حلب» names
    elif nxt in scene.starts and _names_a_town(folded):
        return Governed(nxt, scene.starts[nxt], cue, 0, nxt, True)  # «جزيرة كمران», «جبل سنجار»: at that town
    elif folded.isalpha() and not is_nisba(folded) and folded not in NAME_STOPS and (
            folded.startswith("ال") or (not definite_only and folded not in ordinary_words())):
        last = _headed_end(scene, nxt)  # «وادي الشاي جنوب كركوك»
    else:
        return None
    return Governed(position, last, cue, skip, None, False)


def _names_a_town(folded: str) -> bool:
    """Whether a known one-word name after a feature word is the town it is named after
    («جزيرة كمران», «جبل سنجار»), not the start of its own name («تلة أم السرج», «وادي خالد»)."""
    return not folded.startswith("ال") and len(folded) > 2 and folded not in given_names() and folded not in name_heads()


def _headed_end(scene: _Scene, first: int) -> int:
    """Where a name after its own type word ends: a definite word ends it («ساحة الكرامة» in
    «ساحة الكرامة تعج»), else it runs on like any unknown name («تلة أم السرج»)."""
    last = _extent(scene.tokens, first, scene.starts, scene.big, scene.prefixed)
    for end in range(first, last + 1):
        if scene.tokens[end].folded.startswith("ال"):
            return end
    return last


def _stretch(scene: _Scene, position: int, skip: int, cue: Cue, article_cue: bool,
             plural: bool = False) -> Governed | None:
    """The name a cue governs at `position`: a gazetteer name, one extended, or an unknown one
    (after «منطقة» or a plural cue an indefinite «ـية» word is an adjective: «أحياء سكنية»)."""
    tokens = scene.tokens
    if position in scene.starts:
        return _known(scene, position, skip, cue, article_cue)
    if cue.role != "type" or position >= len(tokens) or article_cue:
        return None
    own = cue_of(tokens[position])
    if own and own[0] == "type" and own[1] in NAME_FORMING:
        return _headed(scene, position, clitic_length(tokens[position]), cue, False)
    if not _opens_name(tokens[position], skip, cue.value == "area" or plural):
        return None
    if tokens[position].folded[skip:].startswith("ال") and _cue_word(tokens[cue.token]) in proper_only_cues():
        return None  # «معسكرات التجنيد»: a military camp named by its purpose
    last = _extent(tokens, position, scene.starts, scene.big, scene.prefixed)
    if last == position and tokens[position].folded[skip:] in name_heads():
        return None  # «باب» alone is a door, not a quarter
    if skip and last + 1 < len(tokens) and tokens[last + 1].folded in PRONOUN_PREPOSITIONS:
        return None  # «وتعاملت معها»: a verb ends the list
    if skip and load_lexicon("event_triggers").match_at(tokens, position) is not None:
        return None  # «قرية X ونهبت الممتلكات»: an act's verb ends the list
    if _hyphen_joined(tokens, last):
        return None  # «منطقة "بوتين-أردوغان"»: a nickname made of two names, no place of that name
    closed = _close(tokens, position, last, scene)
    if closed is None and (skip or tokens[position].folded in ordinary_words()):
        return None  # a later list member, or an ordinary word, must end like a name: not «وقتل عشرة»
    return Governed(position, closed if closed is not None else last, cue, skip, None, False)


def _hyphen_joined(tokens: tuple[Token, ...], last: int) -> bool:
    """A name glued by a hyphen to the next word, with no space: «بوتين-أردوغان»."""
    if last + 2 >= len(tokens) or tokens[last + 1].text not in "-–":
        return False
    return tokens[last].span.end == tokens[last + 1].span.start == tokens[last + 2].span.start - 1


def _next_member(tokens: tuple[Token, ...], after: int, plural: bool) -> tuple[int, int, bool] | None:
    """Where the next list member starts after token `after`, the «و» letters it carries, and
    whether it must be a known or definite name (after a comma that may end a singular cue's clause)."""
    position, comma = _skip_adjectives(tokens, _skip_quotes(tokens, after + 1)), False
    if position < len(tokens) and tokens[position].folded in LIST_COMMAS:
        position, comma = _skip_quotes(tokens, position + 1), plural
    if position >= len(tokens):
        return None
    known_only = not comma and any(t.folded in LIST_COMMAS for t in tokens[after + 1:position])
    if tokens[position].folded == "و":
        position = _skip_quotes(tokens, position + 1)
        return (position, 0, known_only) if position < len(tokens) else None
    if tokens[position].folded.startswith("و") and len(tokens[position].folded) > 2:
        return position, 1, known_only
    return (position, 0, False) if comma else None


def _definite_or_known(tokens: tuple[Token, ...], member: Governed, skip: int) -> bool:
    return member.match_first is not None or tokens[member.first].folded[skip:].startswith("ال")


def _skip_adjectives(tokens: tuple[Token, ...], position: int) -> int:
    """Past direction adjectives after «الريف»: «الريف الشرقي لحماة»."""
    while position < len(tokens) and is_nisba(tokens[position].folded):
        position += 1
    return position


def _town_on_route(scene: _Scene, index: int, cue: Cue) -> Governed | None:
    """«جسر الفلوجة», «طريق بغداد»: a road or bridge named by the city it leads to places the event
    at that city (the road «طريق الكسارات» is a name of its own)."""
    tokens, nxt = scene.tokens, _skip_quotes(scene.tokens, index + 1)
    if nxt not in scene.large or nxt not in scene.starts:
        return None
    after = _skip_quotes(tokens, scene.starts[nxt] + 1)
    if after < len(tokens) and (tokens[after].text in DASHES or after in scene.large):
        return None  # «طريق الرقة – الحسكة», «طريق أربيل كركوك»: a road between two towns is at neither
    return Governed(nxt, scene.starts[nxt], cue, 0, nxt, True)


def _members(scene: _Scene, index: int, cue: Cue) -> list[Governed]:
    """The names one cue word governs: the first after it, then its list."""
    tokens = scene.tokens
    folded = tokens[index].folded
    article_cue = _has_article(folded)
    plural = folded.endswith(plural_endings()) and not article_cue
    position, skip, known_only, found = _skip_quotes(tokens, index + 1), 0, False, []
    if cue.role == "region" and article_cue:
        position = _skip_adjectives(tokens, position)
    if folded.endswith("العاصمه"):  # «العاصمة الصومالية مقديشو»: the capital's own name follows
        if position < len(tokens) and tokens[position].folded in country_words():
            position += 1
        article_cue = False
    if cue.role == "type" and cue.value in NAME_FORMING and not article_cue and not plural:
        position = index  # «طريق الكسارات»: the type word is part of the name
        if cue.value == "route" and (town := _town_on_route(scene, index, cue)):
            return [town]
        # «وادي خالد» is a name, «طريق عام» is not
        own = _headed(scene, index, clitic_length(tokens[index]), cue, cue.value != "natural")
        if own and own.exact:
            return [own]
        return [own] if own and own.last > index and own.first not in scene.starts else []
    while position < len(tokens) and len(found) < 12:
        member = _stretch(scene, position, skip, cue, article_cue, plural)
        if member is None or (known_only and not _definite_or_known(tokens, member, skip)):
            break  # «مدينة نوى، ودارت اشتباكات»: the comma ended the list
        found.append(member)
        following = _next_member(tokens, member.last, plural)
        if following is None:
            break
        position, skip, known_only = following
    return found


def governed_names(tokens: tuple[Token, ...], starts: dict[int, int], big: set[int],
                   prefixed: set[int] = frozenset(), weak: set[int] = frozenset(),
                   large: set[int] = frozenset()) -> list[Governed]:
    """Every name a cue word governs; `starts` maps a gazetteer name's first token to its last.

    «قصفت قرى رسم العبد وسوحا» -> «رسم العبد» (known) and «سوحا» (unknown), both villages.
    `big` holds first tokens of names too big to be part of another name (governorates),
    `prefixed` those behind a preposition («بإدلب»), which no type word governs, `weak`
    one-word names that are mostly common words («الدولة»), `large` names of cities.
    """
    scene = _Scene(tokens, starts, big, set(prefixed), set(weak), set(large) | set(big))
    inside = {i for first, last in starts.items() for i in range(first, last + 1)}
    found, taken = [], set()
    for index in cue_positions(tokens):
        if index in inside or index in taken:
            continue
        cue = cue_of(tokens[index])
        if cue[0] == "anaphor" or (cue[0] == "direction" and _has_article(tokens[index].folded)):
            continue  # «المدينة» refers back; «الشرقي» follows its noun
        if _adjective_reading(tokens, index):
            continue  # «مصادر محلية», «انتخابات محلية هادئة»: "local", no locality
        for member in _members(scene, index, Cue(cue[0], cue[1], index)):
            found.append(member)
            taken.update(range(member.first, member.last + 1))
    return found
