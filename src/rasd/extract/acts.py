"""Find the acts a sentence reports: trigger words typed into ACLED event types.

«قصفت قوات النظام بلدة X بالمدفعية» holds the trigger «قصفت» (a strike) and the
weapon «المدفعية» (artillery), so the act is Explosions/Remote violence,
Shelling/artillery/missile attack. Acts under a negation, threat, plan, fear,
demand or stop word («لم تقصف», «هددت بقصف», «وقف القصف») are dropped; an
attempt («تحاول اقتحام») becomes a tag on the act it accompanies. A sentence
gives at most one act per group of rival acts (a takeover won «بعد معارك» is
one takeover, not also a clash).
"""
from __future__ import annotations

import bisect

from dataclasses import dataclass
from functools import cache

from rasd.extract.lexicon import PhraseMatch, bare_forms, lexicon_rows, load_lexicon
from rasd.text.normalize import fold_word
from rasd.extract.numbers import read_count, victim_forms
from rasd.model import Span
from rasd.text.segment import Token

REMOTE = "Explosions/Remote violence"
BATTLES = "Battles"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# act -> (event_type, sub_event_type); None: decided by the weapon or the actors.
ACTS: dict[str, tuple[str, str | None]] = {
    "strike": (REMOTE, None),
    "target": (REMOTE, None),  # «استهدف»: a strike only when a weapon is named
    "shelling": (REMOTE, "Shelling/artillery/missile attack"),
    "air": (REMOTE, "Air/drone strike"),
    "explosion": (REMOTE, "Remote explosive/landmine/IED"),
    "suicide": (REMOTE, "Suicide bomb"),
    "grenade": (REMOTE, "Grenade"),
    "chemical": (REMOTE, "Chemical weapon"),
    "takeover": (BATTLES, None),
    "clash": (BATTLES, "Armed clash"),
    "attack": (BATTLES, "Armed clash"),
    "shooting": (VAC, "Attack"),
    "killing": (VAC, "Attack"),
    "abduction": (VAC, "Abduction/forced disappearance"),
    "sexual": (VAC, "Sexual violence"),
    "looting": (STRATEGIC, "Looting/property destruction"),
    "defusal": (STRATEGIC, "Disrupted weapons use"),
    "protest": (PROTESTS, "Peaceful protest"),
    "riot": (RIOTS, "Violent demonstration"),
    "disperse": (PROTESTS, "Protest with intervention"),
    "arrest": (STRATEGIC, "Arrests"),
    "handover": (STRATEGIC, "Non-violent transfer of territory"),
    "agreement": (STRATEGIC, "Agreement"),
    "release": (STRATEGIC, "Agreement"),
    "incursion": (STRATEGIC, "Other"),
    "withdrawal": (STRATEGIC, "Non-violent transfer of territory"),
    "ultimatum": (STRATEGIC, "Other"),
    "statement": (STRATEGIC, "Other"),  # kept only when a clan or community issues it (events stage)
    "base": (STRATEGIC, "Headquarters or base established"),
    "defection": (STRATEGIC, "Change to group/activity"),
}
# Rival acts of one sentence, strongest first: the sentence reports the first one present.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("defusal", "suicide", "chemical", "explosion", "grenade", "air", "shelling", "strike",
     "takeover", "clash", "abduction", "sexual", "killing", "shooting", "attack", "target", "looting"),
    ("riot", "protest", "disperse"),
    ("arrest", "handover", "agreement", "release", "incursion", "withdrawal", "ultimatum", "statement", "base", "defection"),
)
# Acts that a protest in the same sentence absorbs: they are its intervention.
INTERVENTIONS = {"arrest": "Protest with intervention", "shooting": "Excessive force against protesters",
                 "killing": "Excessive force against protesters", "attack": "Protest with intervention",
                 "disperse": "Protest with intervention"}
SUB_BY_MEANS = {
    "suicide": "Suicide bomb", "explosive": "Remote explosive/landmine/IED",
    "air": "Air/drone strike", "artillery": "Shelling/artillery/missile attack",
    "grenade": "Grenade", "chemical": "Chemical weapon",
}
REMOTE_MEANS = frozenset({"air", "artillery", "explosive"})  # a killing done with these is a strike or a blast
BLOCKING_MODALITIES = frozenset({
    "negation", "threat", "plan", "fear", "demand", "stop", "attempt", "concession", "habitual", "recall", "verdict",
})
MODALITY_WINDOW = 3  # tokens before a trigger that can hold a modality word
# Words that take a whole clause («حذر من أن استمرار القصف ...») reach further.
CLAUSAL_MODALITIES = frozenset({"fear", "threat", "demand", "plan", "verdict"})
CLAUSAL_WINDOW = 6
HABITUAL_WINDOW = 2  # tokens after it that can make it a pattern («قصفا متكررا»)
VIOLENT = frozenset(GROUPS[0])


# Words that name who helped («بإسناد من طيران التحالف»): that group and its weapons are not the act's.
ALLY_WORDS = frozenset({"دعم", "بدعم", "بمساعده", "مساعده", "بمسانده", "مسانده", "باسناد", "اسناد", "بغطاء",
                        "غطاء", "مدعومه", "المدعومه", "مدعوما", "المدعوم", "حمايه", "بحمايه"})


@dataclass(frozen=True, slots=True)
class Act:
    """One act a sentence reports, typed, with the words that show it."""

    sentence: int
    act: str
    event_type: str
    sub_event_type: str
    trigger: Span             # the trigger words
    verbal: bool              # reported by a finite verb («قصفت»), not only named («القصف»)
    definite: bool            # a noun with the article: may name an act told before
    weapons: tuple[str, ...]
    tags: tuple[str, ...]
    first_token: int          # index of the trigger's first token in the article tokens
    last_token: int
    modality: str | None = None  # set on acts that did not happen («هددت بقصف»): they make no event


@dataclass(frozen=True, slots=True)
class _Trigger:
    match: PhraseMatch
    act: str
    verbal: bool
    modality: str | None


@cache
def _means_rank() -> dict[str, int]:
    return {means: rank for rank, means in enumerate(("suicide", "chemical", "explosive", "grenade", "air", "artillery"))}


def sentence_tokens(tokens: tuple[Token, ...], sentence: Span) -> tuple[int, int]:
    """The range [first, stop) of token indexes inside a sentence span (binary search)."""
    starts, ends = _offsets(tokens)
    first = bisect.bisect_left(starts, sentence.start)
    return first, max(first, bisect.bisect_right(ends, sentence.end))


def token_at(tokens: tuple[Token, ...], offset: int) -> int:
    """Index of the first token starting at or after a character offset (binary search)."""
    return bisect.bisect_left(_offsets(tokens)[0], offset)


_OFFSETS: list = [None, ([], [])]  # the article being read: its tokens, their starts and ends


def _offsets(tokens: tuple[Token, ...]) -> tuple[list[int], list[int]]:
    """Start and end offsets of the tokens, worked out once per article."""
    if _OFFSETS[0] is not tokens:
        _OFFSETS[0], _OFFSETS[1] = tokens, ([t.span.start for t in tokens], [t.span.end for t in tokens])
    return _OFFSETS[1]


def _modality(tokens: tuple[Token, ...], start: int, first: int) -> str | None:
    """The blocking modality word in the few tokens before a trigger, if any."""
    lexicon = load_lexicon("modality")
    for index in range(max(start, first - CLAUSAL_WINDOW), first):
        if first - index <= MODALITY_WINDOW and _may_happen(tokens, index):
            return "plan"
        match = lexicon.match_at(tokens, index)
        if not match or match.last >= first or match.values[0] not in BLOCKING_MODALITIES:
            continue
        if first - index <= MODALITY_WINDOW or match.values[0] in CLAUSAL_MODALITIES:
            return match.values[0]
    return None


MAY_WORDS = frozenset({"قد", "وقد", "فقد"})


def _may_happen(tokens: tuple[Token, ...], index: int) -> bool:
    """«قد يتعرض الحي لقصف», «قد تشن»: «قد» before an imperfect verb says may, not did
    («قد قصفت», «قد تم», «قد تعرض» are done acts; a four-letter «تـ» verb is left as done,
    since «تعرض» is both)."""
    if tokens[index].folded not in MAY_WORDS or index + 1 >= len(tokens):
        return False
    verb = tokens[index + 1].folded
    return len(verb) >= 3 and (verb[0] in "ين" or verb[:2] == "تت" or (len(verb) == 3 and verb[0] == "ت" and verb != "تم"))


STRIKE_OBJECT_REACH = 4  # tokens after «استهدف» where what it hit is named


def _hits_a_place(tokens: tuple[Token, ...], trigger: _Trigger, stop: int) -> bool:
    """«استهدفت الأحياء السكنية»: a target verb whose object is a place, building or vehicle."""
    lexicon = load_lexicon("strike_objects")
    end = min(stop, trigger.match.last + 1 + STRIKE_OBJECT_REACH)
    for index in range(trigger.match.last + 1, end):
        if tokens[index].folded in ("في", "من", "،"):
            return False  # «حملة تستهدف تجار المخدرات في المدينة»: the place is where, not what
        if lexicon.match_at(tokens, index):
            return True
    return False


def _habitual_after(tokens: tuple[Token, ...], last: int, stop: int) -> bool:
    """«قصفا متكررا», «اغتيالات شبه يومية»: a pattern of acts, not one."""
    lexicon = load_lexicon("habitual_after")
    return any(lexicon.match_at(tokens, i) for i in range(last + 1, min(stop, last + 1 + HABITUAL_WINDOW)))


SENTENCE_RECALLS = frozenset({"بعد ايام من", "بعد اسابيع من", "بعد اشهر من", "بعد عام من", "بعد يومين من",
                              "بعد يوم من", "بعد ساعات من", "بعد اسبوع من", "بعد شهر من", "بعد اسبوعين من",
                              "ذكري", "الذكري", "بذكري", "بالذكري", "لذكري", "وذكري"})


def recalled_tokens(tokens: tuple[Token, ...], start: int, stop: int) -> range:
    """The tokens from «بعد أيام من», «في ذكرى», «الذكرى السنوية» to the end of their clause:
    they look back (an anniversary recalls the act, EVENTS.md section 1)."""
    words = [t.folded for t in tokens[start:stop]]
    for index, word in enumerate(words):
        if word in SENTENCE_RECALLS or (word == "بعد" and " ".join(words[index:index + 3]) in SENTENCE_RECALLS):
            end = next((k for k in range(index, len(words)) if words[k] in CLAUSE_BREAKS), len(words))
            return range(start + index + 1, start + end)
    return range(0)


SPLIT_REACH = 6  # words of a subject between a verb and the object that completes its act


@cache
def _split_verbs() -> dict[str, dict[str, str]]:
    """Folded verb -> {folded object: act}, from data/lexicon/split_triggers.tsv."""
    verbs: dict[str, dict[str, str]] = {}
    for verb, obj, act in lexicon_rows("split_triggers"):
        verbs.setdefault(fold_word(verb), {})[fold_word(obj)] = act
    return verbs


def split_triggers(tokens: tuple[Token, ...], start: int, stop: int) -> list[PhraseMatch]:
    """«أطلق مسلحون مجهولون النار على ...»: a verb and its object with the subject between them
    (matched on the verb alone, so the words after it are read as its subject)."""
    found = []
    for index in range(start, stop):
        objects = next((_split_verbs()[form] for form in bare_forms(tokens[index].folded) if form in _split_verbs()), None)
        if objects is None:
            continue
        ahead = [t.folded for t in tokens[index + 1:min(stop, index + 1 + SPLIT_REACH)]]
        reach = next((k for k, word in enumerate(ahead) if word in CLAUSE_BREAKS), len(ahead))
        act = next((objects[word] for word in ahead[1:reach] if word in objects), None)
        if act is not None:  # right after the verb it is a plain trigger, already found
            found.append(PhraseMatch(index, index, (act, "v"), False))
    return found


def _all_triggers(tokens: tuple[Token, ...], start: int, stop: int) -> list[PhraseMatch]:
    """Lexicon triggers of tokens[start:stop] with article-wide indexes, and split ones, in text order."""
    matches = [PhraseMatch(m.first + start, m.last + start, m.values, m.definite)
               for m in load_lexicon("event_triggers").find(tokens[start:stop])]
    taken = {i for m in matches for i in range(m.first, m.last + 1)}
    matches += [m for m in split_triggers(tokens, start, stop) if m.first not in taken]
    return sorted((m for m in matches if not _names_a_place(tokens, m.first)), key=lambda m: m.first)


PLACE_HEADS = frozenset({"ساحه", "ميدان", "شارع", "جسر", "دوار", "حي", "مستشفي", "جامعه", "مدرسه", "مسجد", "مخيم"})


GROUP_HEADS = frozenset({"حركه", "جبهه", "هييه", "جيش", "لواء", "الويه", "كتايب", "منظمه", "مجلس", "حزب", "تحالف"})


def _names_a_place(tokens: tuple[Token, ...], first: int) -> bool:
    """«ساحة التحرير», «دوار الشهداء»: the word is part of a place's name; «حركة تحرير السودان»,
    «لواء تحرير الرقة»: of a group's name."""
    if first == 0:
        return False
    before = bare_forms(tokens[first - 1].folded)
    if not tokens[first].folded.startswith("ال"):
        return any(form in GROUP_HEADS for form in before)
    return any(form in PLACE_HEADS for form in before)


def find_triggers(tokens: tuple[Token, ...], start: int, stop: int) -> list[_Trigger]:
    """Every trigger of tokens[start:stop], with the modality that blocks it, if any."""
    found = []
    previous_end = start
    recalled = recalled_tokens(tokens, start, stop)
    for shifted in _all_triggers(tokens, start, stop):
        # a modality word governs the first act after it only: «تحاول اقتحام المدينة بقصف» shells
        modality = _modality(tokens, previous_end, shifted.first)
        if modality is None and shifted.first in recalled:
            modality = "recall"  # «يأتي ذلك بعد أيام من ...»: the rest of the sentence looks back
        previous_end = shifted.last + 1
        if modality is None and _habitual_after(tokens, shifted.last, stop):
            modality = "habitual"
        act = shifted.values[0]
        act = "release" if act == "takeover" and _frees_people(tokens, shifted.last + 1) else act
        found.append(_Trigger(shifted, act, shifted.values[1] == "v", modality))
    return found


def _frees_people(tokens: tuple[Token, ...], index: int) -> bool:
    """«تحرير 40 مهاجرا», «حررت ثلاثة مختطفين»: people freed, not ground taken."""
    if index >= len(tokens):
        return False
    count = read_count(tokens, index)
    after = count.end if count is not None else index
    return count is not None or (after < len(tokens) and tokens[after].folded in victim_forms())


def _matches(lexicon_name: str, tokens: tuple[Token, ...], start: int, stop: int) -> list[PhraseMatch]:
    """Lexicon matches in tokens[start:stop], with article-wide token indexes."""
    return [
        PhraseMatch(m.first + start, m.last + start, m.values, m.definite)
        for m in load_lexicon(lexicon_name).find(tokens[start:stop])
    ]


def _supporting(tokens: tuple[Token, ...], index: int, start: int) -> bool:
    """«بإسناد من طيران التحالف», «بغطاء مدفعي»: a weapon of the side that helped, not of the act."""
    return bool({t.folded for t in tokens[max(start, index - 2):index]} & ALLY_WORDS)


def _cues(lexicon_name: str, tokens: tuple[Token, ...], start: int, stop: int) -> list[tuple[str, ...]]:
    return [m.values for m in _matches(lexicon_name, tokens, start, stop)]


def _clause_bounds(tokens: tuple[Token, ...], index: int, start: int, stop: int) -> tuple[int, int]:
    """The clause [first, stop) around token `index`, cut at CLAUSE_BREAKS."""
    first = index
    while first > start and tokens[first - 1].folded not in CLAUSE_BREAKS:
        first -= 1
    last = index
    while last < stop and tokens[last].folded not in CLAUSE_BREAKS:
        last += 1
    return first, last


def _clause_means(weapon_matches: list[PhraseMatch], bounds: tuple[int, int]) -> list[str]:
    return [m.values[1] for m in weapon_matches if bounds[0] <= m.first < bounds[1] and len(m.values) > 1]


def _sub_for_means(act: str, means: list[str]) -> str | None:
    """A strike's sub-event type from the strongest weapon the sentence names."""
    ranked = sorted((m for m in means if m in SUB_BY_MEANS), key=_means_rank().get)
    if act in ("strike", "target", "attack") and ranked:
        return SUB_BY_MEANS[ranked[0]]
    if act == "killing" and ranked and ranked[0] in REMOTE_MEANS:  # «اغتالت طائرة مسيرة قياديا بصاروخ»
        return SUB_BY_MEANS[ranked[0]]
    if act == "explosion" and "suicide" in means:
        return SUB_BY_MEANS["suicide"]
    return None


def _choose(triggers: list[_Trigger]) -> list[_Trigger]:
    """The strongest trigger of each group present; a verb beats a noun of the same act."""
    chosen = []
    for group in GROUPS:
        present = [t for t in triggers if t.act in group]
        if present:
            chosen.append(min(present, key=lambda t: (group.index(t.act), not t.verbal, t.match.first)))
    return chosen


# Acts that tell how another act of the same sentence was done: a takeover «بعد معارك».
SUBSUMES = {"takeover": {"clash", "attack"}, "suicide": {"attack", "shooting", "explosion"},
            "explosion": {"attack"}, "abduction": {"shooting"}}


def _drop_manner(tokens: tuple[Token, ...], chosen: list[_Trigger]) -> list[_Trigger]:
    """«اغتال مسلحون القيادي، بإطلاق النار عليه»: a «بـ» noun after a violent verb of the sentence,
    no stronger than it, tells how that act was done; it is no second act."""
    rank = GROUPS[0].index
    verbs = [t for t in chosen if t.verbal and t.act in VIOLENT]
    def manner(t: _Trigger) -> bool:
        return (not t.verbal and t.act in VIOLENT and tokens[t.match.first].folded.startswith("ب")
                and any(v.match.first < t.match.first and rank(v.act) <= rank(t.act)
                        and not _new_clause_between(tokens, v.match.last, t.match.first) for v in verbs))
    return [t for t in chosen if not manner(t)]


def _new_clause_between(tokens: tuple[Token, ...], verb: int, noun: int) -> bool:
    """«قصفت القوات الحي، فرد الجيش باستهداف ...»: words between the last clause break and a «بـ»
    noun open a clause of their own, whose act the noun tells («، بإطلاق النار عليه» does not)."""
    breaks = [i for i in range(verb + 1, noun) if tokens[i].folded in CLAUSE_BREAKS]
    return bool(breaks) and breaks[-1] < noun - 1


def _drop_instruments(tokens: tuple[Token, ...], triggers: list[_Trigger]) -> list[_Trigger]:
    """«ردت الكتائب باستهداف دبابة بقذيفة»: a «بـ» weapon noun after another violent trigger is the
    weapon of that act (it types it), not a stronger act of its own."""
    weapons = load_lexicon("weapons")
    def instrument(t: _Trigger) -> bool:
        return (not t.verbal and tokens[t.match.first].folded.startswith("ب")
                and weapons.match_at(tokens, t.match.first) is not None
                and any(o.act in VIOLENT and o.match.last < t.match.first and o is not t for o in triggers))
    return [t for t in triggers if not instrument(t)]


RESULT_WORDS = frozenset({"عن", "الي"})


def _drop_results(tokens: tuple[Token, ...], triggers: list[_Trigger]) -> list[_Trigger]:
    """«شنت القوات هجوما ...، ما أسفر عن قتل ستة مسلحين»: the killing an earlier act resulted in
    is its toll, not a second act («نفذت القوات عملية أسفرت عن قتل أربعة» has no other act: it stays)."""
    def result(t: _Trigger) -> bool:
        return (t.act == "killing" and tokens[t.match.first].folded in RESULT_WORDS
                and any(o.act in VIOLENT and o.match.last < t.match.first for o in triggers))
    return [t for t in triggers if not result(t)]


MUTUAL = frozenset({"متبادل", "متبادله", "المتبادل", "المتبادله"})
MUTUAL_REACH = 3  # tokens after a shelling word where «متبادل» may stand: «قصف مدفعي متبادل»


def _drop_mutual_fire(tokens: tuple[Token, ...], triggers: list[_Trigger]) -> list[_Trigger]:
    """«اشتباكات ... وسط قصف متبادل»: shelling both ways during clashes is the battle, not a strike of its own."""
    if not any(t.act == "clash" for t in triggers):
        return triggers
    def mutual(t: _Trigger) -> bool:
        after = range(t.match.last + 1, min(len(tokens), t.match.last + 1 + MUTUAL_REACH))
        return t.act in ("shelling", "strike", "air") and any(tokens[i].folded in MUTUAL for i in after)
    return [t for t in triggers if not mutual(t)]


def _drop_subsumed(chosen: list[_Trigger]) -> list[_Trigger]:
    present = {t.act for t in chosen}
    covered = set().union(*(SUBSUMES.get(act, set()) for act in present))
    return [t for t in chosen if t.act not in covered]


CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";", "فيما", "بينما", "وبينما", "كما", "وكما"})


def _by_clause(tokens: tuple[Token, ...], triggers: list[_Trigger]) -> list[list[_Trigger]]:
    """Triggers grouped by clause: «شنت الطائرات غارات على X، فيما قصفت المدفعية Y» holds two acts."""
    clauses: list[list[_Trigger]] = []
    previous = None
    for trigger in sorted(triggers, key=lambda t: t.match.first):
        start = previous.match.last + 1 if previous else trigger.match.first
        broken = any(tokens[i].folded in CLAUSE_BREAKS for i in range(start, trigger.match.first))
        if not clauses or broken:
            clauses.append([])
        clauses[-1].append(trigger)
        previous = trigger
    return clauses


RELATIVE_WORDS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})


def _in_relative_clause(tokens: tuple[Token, ...], trigger: _Trigger, start: int) -> bool:
    """«الفلتان الأمني الذي تسبب بعمليات الاغتيال»: an act in a clause describing something else,
    which says nothing of how a protest in the sentence went."""
    index = trigger.match.first - 1
    while index >= start and tokens[index].folded not in CLAUSE_BREAKS:
        if tokens[index].folded in RELATIVE_WORDS:
            return True
        index -= 1
    return False


def _type_of(trigger: _Trigger, means: list[str], acts_here: set[str]) -> tuple[str, str]:
    event_type, sub = ACTS[trigger.act]
    refined = _sub_for_means(trigger.act, means)
    if refined:
        return REMOTE, refined
    if trigger.act in ("strike", "target"):
        return REMOTE, "Shelling/artillery/missile attack"
    if trigger.act == "takeover" and "withdrawal" in acts_here and not acts_here & FIGHTING:
        return STRATEGIC, "Non-violent transfer of territory"  # «سيطرت الحركة على البلدة بعد انسحاب القوات منها»
    if trigger.act == "takeover" and "held_briefly" in acts_here:
        return BATTLES, "Armed clash"  # «سيطروا على القاعدة لساعات قبل أن ينسحبوا»: no territory changed
    if trigger.act == "takeover":
        return BATTLES, "Government regains territory"  # the event stage reads the actor to confirm
    return event_type, sub or "Other"


FIGHTING = frozenset({"clash", "attack", "strike", "shelling", "air", "target", "explosion", "suicide"})
BRIEF_HOLD = ("لساعات", "لبضع ساعات", "لفتره وجيزه", "قبل ان تنسحب", "قبل ان ينسحب", "قبل ان ينسحبوا",
              "ثم انسحبت", "ثم انسحب", "ثم انسحبوا")


def _held_briefly(tokens: tuple[Token, ...], start: int, stop: int) -> bool:
    """«سيطرت على القاعدة لساعات قبل أن تنسحب منها»: a position taken and given up the same day."""
    words = " " + " ".join(t.folded for t in tokens[start:stop]) + " "
    return any(f" {phrase} " in words for phrase in BRIEF_HOLD)


def _protest_sub(acts_here: set[str]) -> str:
    """A protest's sub-event type from the other acts of its sentence."""
    if acts_here & {"shooting", "killing"}:
        return "Excessive force against protesters"
    if acts_here & {"arrest", "attack", "disperse"}:
        return "Protest with intervention"
    return "Peaceful protest"


def find_acts(tokens: tuple[Token, ...], sentences: tuple[Span, ...]) -> tuple[Act, ...]:
    """Every act of an article, sentence by sentence, in text order."""
    acts = []
    for index, sentence in enumerate(sentences):
        start, stop = sentence_tokens(tokens, sentence)
        acts.extend(sentence_acts(tokens, index, start, stop))
    return tuple(acts)


def sentence_acts(tokens: tuple[Token, ...], index: int, start: int, stop: int) -> list[Act]:
    """The acts of one sentence: tokens[start:stop]."""
    every = find_triggers(tokens, start, stop)
    triggers = [t for t in every if t.modality is None]
    blocked = [t for t in every if t.modality is not None]
    attempted = {t.act for t in blocked if t.modality == "attempt"}
    if not every:
        return []
    acts_here = {t.act for t in triggers if not (t.act in INTERVENTIONS and _in_relative_clause(tokens, t, start))}
    weapon_matches = [m for m in _matches("weapons", tokens, start, stop) if not _supporting(tokens, m.first, start)]
    weapons = [m.values for m in weapon_matches]
    means = [values[1] for values in weapons if len(values) > 1]
    labels = tuple(dict.fromkeys(v[0] for v in weapons if v and v[0].strip()))
    tags = [v[0] for v in _cues("event_tags", tokens, start, stop)]
    if "incursion" in attempted:
        tags.append("attempted_storming")  # «تحاول القوات اقتحام البلدة»
    tags = tuple(dict.fromkeys(tags))
    if not any(m in SUB_BY_MEANS for m in means):  # «حملة تستهدف الشبان» is no strike
        triggers = [t for t in triggers if t.act != "target" or _hits_a_place(tokens, t, stop)]
    triggers = _drop_mutual_fire(tokens, _drop_results(tokens, _drop_instruments(tokens, triggers)))
    chosen = _drop_manner(tokens, _drop_subsumed([t for clause in _by_clause(tokens, triggers) for t in _choose(clause)]))
    if any(t.act in ("protest", "disperse") for t in chosen):
        chosen = [t for t in chosen if t.act not in INTERVENTIONS or t.act == "disperse"]
    acts_here |= attempted
    if {"takeover", "withdrawal"} <= acts_here and not acts_here & FIGHTING:
        chosen = [t for t in chosen if t.act != "withdrawal"]  # the withdrawal is how the takeover went
    if "takeover" in acts_here and _held_briefly(tokens, start, stop):
        acts_here.add("held_briefly")
    acts = []
    for trigger in chosen + blocked:
        bounds = _clause_bounds(tokens, trigger.match.first, start, stop)
        here = [m for m in weapon_matches if bounds[0] <= m.first < bounds[1]]
        clause_labels = tuple(dict.fromkeys(m.values[0] for m in here if m.values[0].strip()))
        acts.append(_act(tokens, index, trigger, _clause_means(weapon_matches, bounds) or means,
                         clause_labels or labels, tags, acts_here))
    return acts


def _act(tokens, index, trigger: _Trigger, means, labels, tags, acts_here) -> Act:
    if trigger.act in ("protest", "disperse"):
        event_type, sub = PROTESTS, _protest_sub(acts_here)
    else:
        event_type, sub = _type_of(trigger, means, acts_here)
    first, last = trigger.match.first, trigger.match.last
    span = Span(tokens[first].span.start, tokens[last].span.end)
    weapons = labels if event_type in (REMOTE, BATTLES, VAC) else ()
    return Act(index, trigger.act, event_type, sub, span, trigger.verbal, trigger.match.definite,
               weapons, tags, first, last, trigger.modality)
