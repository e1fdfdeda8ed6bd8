"""The record of the event a report describes: who, when, where, what was decided, what is next.

:func:`build_record` reads the entities and the layout of a report (title, paragraphs, bulleted
lines) and fills a :class:`Record` (the ``record`` of ``Document.to_dict()``, CONTRACT.md).

    >>> from sleukrith import analyze
    >>> doc = analyze("កិច្ចប្រជុំ\\nនៅថ្ងៃទី២ ខែមីនា ឆ្នាំ២០២៤ លោក សុខ ដារ៉ា បានដឹកនាំកិច្ចប្រជុំ។\\n"
    ...               "- ត្រូវរៀបចំផែនការ")
    >>> doc.record.kind, doc.record.decisions
    ('meeting', ['ត្រូវរៀបចំផែនការ'])
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sleukrith.clean import is_doc_type_line, without_web_stamp
from sleukrith.entities import Entity, most_specific_place, starts_with_verb

__all__ = ["Record", "KINDS", "build_record", "bullet_item"]

KINDS = ("meeting", "video_conference", "visit", "ceremony", "announcement", "incident", "other")


@dataclass
class Record:
    """The event of a report (field meanings in CONTRACT.md)."""

    kind: str = "other"
    date: str | None = None
    time: str | None = None
    place: dict[str, Any] | None = None
    chair: dict[str, Any] | None = None
    participants: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    attendance: int | None = None
    topics: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    upcoming: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able dict with the CONTRACT.md keys."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Record:
        """Inverse of :meth:`to_dict` (unknown keys ignored)."""
        d = d or {}
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in names})


# kind cues (folded ្ត spelling; matched on a ZWSP-free, ្ដ-folded text)
_KIND_CUES: dict[str, tuple[str, ...]] = {
    "video_conference": (
        "តាមប្រព័ន្ធវីដេអូ",
        "វីដេអូខនហ្វារ៉ិន",
        "វីដេអូកុងហ្វេរ៉ង់",
        "zoom",
        "តាមប្រព័ន្ធអនឡាញ",
        "អនឡាញ",
        "video conference",
        "តាមវីដេអូ",
        "ប្រព័ន្ធវីដេអូ",
    ),
    "meeting": ("កិច្ចប្រជុំ", "ប្រជុំ", "សិក្ខាសាលា", "សន្និសីទ", "វេទិកា", "ពិភាក្សា", "កិច្ចពិភាក្សា", "ការងារប្រចាំ"),
    "visit": (
        "ចុះពិនិត្យ",
        "ចុះសួរសុខទុក្ខ",
        "ទស្សនកិច្ច",
        "ចុះទស្សនា",
        "ចុះជួប",
        "ចុះត្រួតពិនិត្យ",
        "ដំណើរទស្សនកិច្ច",
        "អញ្ជើញចុះ",
        "ចុះសំណេះសំណាល",
        "ទៅទស្សនា",
        "ចុះតាមដាន",
        "ជួបសម្តែងការគួរសម",
        "ចូលជួបសម្តែងការគួរសម",
        "យាងទស្សនា",  # a royal visit: "ព្រះអង្គម្ចាស់...យាងទស្សនា..."
        "យាងចុះ",
    ),
    "ceremony": (
        "ពិធី",
        "សម្ពោធ",
        "ប្រគល់",
        "ចែកអំណោយ",
        "បុណ្យ",
        "ប្រារព្ធ",
        "ពិធីបុណ្យ",
        "បើកសម្ពោធ",
        "ប្រគល់ជូន",
        "ឧបត្ថម្ភ",
        "ចែកជូន",
        "អំណោយ",
    ),
    "announcement": (
        "សេចក្តីជូនដំណឹង",
        "សេចក្តីប្រកាស",
        "ប្រកាសព័ត៌មាន",
        "សេចក្តីថ្លែងការណ៍",
        "ជូនដំណឹង",
        "សារាចរ",
        "សេចក្តីណែនាំ",
    ),
    "incident": (
        "គ្រោះថ្នាក់",
        "អគ្គិភ័យ",
        "ឆេះ",
        "លង់ទឹក",
        "ប្លន់",
        "ឃាតកម្ម",
        "រន្ទះ",
        "បាក់",
        "ស្លាប់",
        "របួស",
        "ចាប់ខ្លួន",
        "បង្ក្រាប",
        "ក្រឡាប់",
        "បុកគ្នា",
        "ប៉ះទង្គិច",
        "លួច",
        "រលំ",
        "ផ្ទុះ",
        "ខ្យល់កន្ត្រាក់",
        "ជនរងគ្រោះ",
        "ជនសង្ស័យ",
        "ទឹកជំនន់",
        "បោកបក់",
        "ខ្យល់ព្យុះ",
        "ភ្លើងឆេះ",
        "ឃាត់ខ្លួន",
        "បុកឡាន",
        "ប៉ះឡាន",
        "បុករថយន្ត",
        "រំលោភ",
        "បាញ់សម្លាប់",
        "វាយដំ",
    ),
}
# what a sports or entertainment report is about: no event of the kinds above, whatever
# meeting or ceremony words it holds ("ប្រកួត", "តារាចម្រៀង"); scored like the other cues,
# written twice at least
_OTHER_CUES = (
    "កីឡាករ",
    "កីឡាការិនី",
    "អ្នកប្រដាល់",
    "ប្រកួត",
    "គ្រាប់បាល់",
    "តារាចម្រៀង",
    "តារាសម្តែង",
    "តារាកំប្លែង",
    "តារាភាពយន្ត",
    "ខ្សែភាពយន្ត",
    "បទចម្រៀង",
)
# a flood or a storm told in passing further on does not make a report an incident
_LEAD_ONLY_CUES = frozenset({"ទឹកជំនន់", "បោកបក់", "ខ្យល់ព្យុះ"})
_KIND_ORDER = ("video_conference", "incident", "announcement", "ceremony", "visit", "meeting")

_BULLET_RE = re.compile(
    r"^[ \t\u200b”“\"]*(?:[\-–—•*✓✔►▪➢➤○●◆◇▶·+]+|(?:ទី)?[0-9០-៩]{1,2}[ \t]*[.)\-/៖:]"
    r"(?![0-9០-៩])|\(\s*[0-9០-៩]{1,2}\s*\)|[កខគឃងចឆជឈញ][ \t]*[.)/](?![0-9០-៩])|"
    r"[a-zA-Z][.)](?=\s))[ \t\u200b]*"
)
_AGENDA_RE = re.compile("របៀបវារៈ|ប្រធានបទ|ពិភាក្សាលើ|ពិភាក្សាអំពី|ចំណុចសំខាន់ៗដែលបានពិភាក្សា|agenda", re.I)
_CHAIR_BEFORE_RE = re.compile(
    "(?:ក្រោមអធិបតីភាព|ក្រោមការដឹកនាំ|ដឹកនាំដោយ|ក្រោមការធ្វើជាអធិបតី|អធិបតីភាព)[ ]?(?:ដ៏ខ្ពង់ខ្ពស់)?[ ]?(?:របស់)?[ ]?$"
)
_PRESIDING_BEFORE_RE = re.compile("(?:អញ្ជើញ|ធ្វើ)?ជាអធិបតី")
_CHAIR_AFTER_RE = re.compile(
    "ដឹកនាំ|អធិបតី|ជាប្រធានអង្គ|ប្រធានអង្គប្រជុំ|អញ្ជើញជាអធិបតី|"
    "ជាអធិបតី|បើកកិច្ចប្រជុំ|អញ្ជើញចុះ|ចុះពិនិត្យ|ចុះសួរសុខទុក្ខ|បានអញ្ជើញ"
)
_ATTEND_RE = re.compile("ចូលរួម|សមាសភាព|វត្តមាន|អ្នកចូលរួម|សិក្ខាកាម|ប្រតិភូ")
# a count of people given something, hurt or held is no attendance (ជូន, not inside ជញ្ជូន)
# ... and a limit ("កំណត់ត្រឹម ៦០នាក់", "មិនលើស") is no count of those who came
_NOT_ATTEND_RE = re.compile(
    "ចែក|(?<!\u17d2)ជូន|ដល់|ស្លាប់|របួស|រងគ្រោះ|ជម្លៀស|ឃាត់ខ្លួន|ចាប់ខ្លួន|កំណត់|ត្រឹម|មិនលើស|យ៉ាងច្រើន|អតិបរមា|ជ្រើសរើស"
)
_DIRECTIVE_RE = re.compile(
    "ណែនាំ|សម្រេច|ឯកភាព|ផ្តាំ|បញ្ជា|អនុសាសន៍|ដាក់ចេញ|ស្នើ|អនុម័ត|"
    "ប្រគល់ភារកិច្ច|ចាត់ចែង|វិធានការ|ផ្តល់អនុសាសន៍|ទិសដៅ|ត្រូវ(?!ការ)|សំណូមពរ|"
    "អំពាវនាវ|ចង្អុលបង្ហាញ|បញ្ជាក់ពីចំណុច"
)
# an item that tells someone what they must do: a short subject, then ត្រូវ / ហាម
# ("អ្នកចូលរួមត្រូវពាក់ម៉ាស់"; not ត្រូវបាន, passive, nor ត្រូវការ, need)
_SUBJECT_MUST_RE = re.compile(
    "(?![^។៕?!]{0,40}?(?:អ្វីដែល|មិនត្រូវ))[^។៕?!]{2,40}?(?:(?<!ត្រឹម)ត្រូវ(?!បាន|ការ)|ហាមឃាត់)"
)
_DIRECTIVE_ITEM_RE = re.compile("ត្រូវ|ហាម|សូម|ត្រូវតែ|ស្នើ|បន្ត|ពង្រឹង|ជំរុញ|តម្រូវ")
_PEOPLE_UNITS = ("នាក់", "រូប", "អង្គ", "ព្រះអង្គ")
_VENUE_RE = re.compile(
    "(?:នៅ|នា|ក្នុង)[ ]?(?:ក្នុង)?[ ]?(?=(?:សាល|ទីស្តីការ|ស្នាក់ការ|មន្ទីរ|ក្រសួង|សាលា|វិមាន|អគារ|"
    "បន្ទប់|សណ្ឋាគារ|មជ្ឈមណ្ឌល|ភូមិ|ឃុំ|សង្កាត់|ស្រុក|ខណ្ឌ|ខេត្ត|ទីលាន|វត្ត|ផ្សារ|ព្រលាន|ស្ពាន|"
    "ផ្លូវ|រាជធានី|ក្រុង|ប្រទេស|ទីក្រុង|ការិយាល័យ|រោងចក្រ|មន្ទីរពេទ្យ|កំពង់ផែ|ច្រក|ទីតាំង|"
    "បរិវេណ|ទីស្នាក់ការ|វិទ្យាល័យ|សាកលវិទ្យាល័យ|ពហុកីឡដ្ឋាន|កីឡដ្ឋាន|ស្ថានីយ|ក្រុមហ៊ុន|ធនាគារ|"
    "រដ្ឋបាល|បន្ទាយ|ភោជនីយដ្ឋាន|មណ្ឌល|ទីធ្លា|គេហដ្ឋាន|លំនៅដ្ឋាន))"
)
_VENUE_STOP_RE = re.compile(
    '[។៕៖,;()«»"“”!?]| (?=ឯកឧត្តម|លោក|សម្តេច|ឯឧ|ក្រោម|ដែល|បាន|'
    "ដោយ|ដើម្បី|មាន|គឺ|ត្រូវ|ជាមួយ|នា|នៅ|កាលពី|ថ្ងៃ|វេលា|ម៉ោង)|"
    "ក្រោមអធិបតី|បាន|ជាមួយ|នាព្រឹក|នារសៀល|នាល្ងាច|កាលពី|(?<!បណ្តុះ)បណ្តាល|ធ្វើឱ្យ|ខណៈ|"
    "ពិធីនេះ|កិច្ចប្រជុំនេះ|ក៏|ដែល|ដើម្បី|ហើយ|(?<!\u17d2)នឹង"  # (not the នឹង of ស្នឹង)
)
_TOPIC_RE = re.compile("(?:ស្តីពី|ស្ដីពី|ស្តីអំពី|ពិភាក្សាលើ|ពិភាក្សាអំពី|ក្រោមប្រធានបទ|ប្រធានបទ)[ ]?[៖:]?[ ]?")
_TOPIC_STOP_RE = re.compile('[។៕៖;()«»"“”!?]| (?=ឯកឧត្តម|លោក|សម្តេច|ក្រោម|ដែល|នៅ|ដោយ)|ក្រោមអធិបតី|ដែលបាន')
_EVENT_NOUNS = (
    "កិច្ចប្រជុំ",
    "ពិធី",
    "សិក្ខាសាលា",
    "សន្និសីទ",
    "វេទិកា",
    "វគ្គបណ្តុះបណ្តាល",
    "វគ្គ",
    "ការប្រកួត",
    "ការបោះឆ្នោត",
    "ទិវា",
    "បុណ្យ",
    "ការប្រឡង",
    "យុទ្ធនាការ",
    "ដំណើរទស្សនកិច្ច",
    "ទស្សនកិច្ច",
    "ការចុះ",
    "ការបើក",
    "ការចែក",
    "ការផ្តល់",
    "ការប្រារព្ធ",
    "ការរៀបចំ",
    "ការប្រជុំ",
    "ការចុះឈ្មោះ",
    "ការផ្សព្វផ្សាយ",
    "ការ",
)
_ZW_RE = re.compile("[\u200b\u200c\u200d\ufeff]")


def _fold(s: str) -> str:
    return _ZW_RE.sub("", s).replace("\u17d2\u178a", "\u17d2\u178f")


_WINDOW = 600  # characters of context read around a date, a count or in a lead
_KEEP_RE = re.compile("[^\u200b\u200c\u200d\ufeff]+")


class _Folded:
    """``text[s:e]`` without zero-width characters and with ្ដ written ្ត (what the rules
    match on), with the map back to the original offsets: record fields are taken from the
    source, in its own spelling (only the invisible zero-width characters dropped)."""

    __slots__ = ("src", "text", "idx", "end")

    def __init__(self, src: str, s: int, e: int) -> None:
        parts: list[str] = []
        idx: list[int] = []
        for m in _KEEP_RE.finditer(src, s, e):
            parts.append(m.group())
            idx.extend(range(m.start(), m.end()))
        self.src = src
        self.text = "".join(parts).replace("\u17d2\u178a", "\u17d2\u178f")
        self.idx = idx
        self.end = e

    def orig(self, a: int, b: int) -> tuple[int, int]:
        """Original span of the folded span ``[a, b)``."""
        if not self.idx:
            return self.end, self.end
        a = min(max(a, 0), len(self.idx))
        b = min(max(b, a), len(self.idx))
        if b == a:
            o = self.idx[a] if a < len(self.idx) else self.end
            return o, o
        return self.idx[a], self.idx[b - 1] + 1

    def pos(self, orig: int) -> int:
        """Folded offset of an original offset."""
        return bisect.bisect_left(self.idx, orig)

    def source(self, a: int, b: int) -> str:
        """The source text of the folded span ``[a, b)``, zero-width characters dropped."""
        os_, oe = self.orig(a, b)
        return _ZW_RE.sub("", self.src[os_:oe]).strip()


def bullet_item(line: str) -> str | None:
    """The item text of a bulleted or numbered line, else ``None``.

    >>> bullet_item("២. ត្រូវរៀបចំទីទួលសុវត្ថិភាព"), bullet_item("* ហាមឃាត់"), bullet_item("ក្រុង")
    ('ត្រូវរៀបចំទីទួលសុវត្ថិភាព', 'ហាមឃាត់', None)
    """
    m = _BULLET_RE.match(line)
    if not m:
        return None
    item = line[m.end() :].strip().strip("\u200b").strip()
    item = item.rstrip("។;,").strip()
    return item or None


def _heading(folded: str) -> tuple[str | None, str | None, int]:
    """What the bulleted lines after a paragraph are (topics, decisions or nothing), the
    first item when it is written on the heading line itself, and which ៖ of the line (0, 1,
    ...) ends the heading.

    A heading introduces a list: it ends with ៖ or :, or a first item follows its ៖, or it is
    a short line. The cue word must be in the words just before the ៖ (or in the short
    line), not anywhere in a long paragraph ("... ត្រូវ ..." in running text is no heading).
    A line may hold a dateline's ៖ before the heading's ("ភ្នំពេញ៖ ... ដូចខាងក្រោម៖១ ...").
    """
    colons = [i for i, c in enumerate(folded) if c == "៖"]
    for n in range(len(colons) - 1, 0, -1):
        k = colons[n]
        first = bullet_item(folded[k + 1 :]) or _bare_first_item(folded, k)
        kind = _cue_kind(folded[:k][-90:])
        if first is not None and kind is not None:
            return kind, first, n
    k = colons[0] if colons else -1
    first = None
    if k >= 0:
        head = folded[:k]
        first = bullet_item(folded[k + 1 :]) or _bare_first_item(folded, k)
        if first is None and folded[k + 1 :].strip(" :​"):
            # text after ៖ that is no item: a heading only if it ends with another ៖/:
            k2 = folded.rstrip().rfind("៖")
            if not folded.rstrip().endswith(("៖", ":")):
                return None, None, 0
            head = folded[:k2]
    elif folded.rstrip().endswith(":") or len(folded) <= 100:
        head = folded.rstrip(" :")
    else:
        return None, None, 0
    return _cue_kind(head[-90:]), first, 0


def _cue_kind(cue: str) -> str | None:
    if _AGENDA_RE.search(cue):
        return "topics"
    if _DIRECTIVE_RE.search(cue) or _OUTCOME_RE.search(cue):
        return "decisions"
    if _AS_FOLLOWS_RE.search(cue[-30:]):
        return "follows"
    return None


def _bare_first_item(folded: str, k: int) -> str | None:
    """A first item numbered 1 without its mark right after the heading's ៖."""
    nm = _BARE_NUMBER_ITEM_RE.match(folded, k + 1)
    if nm:
        return folded[nm.end() :].strip().rstrip("។;,").strip() or None
    return None


def _continues(text: str, body: Sequence[tuple[int, int]], k: int) -> bool:
    """The paragraph after ``body[k]`` is a bulleted or numbered item (a list goes on)."""
    return k + 1 < len(body) and bullet_item(text[body[k + 1][0] : body[k + 1][1]]) is not None


# an item of an "as follows" list that states a change or an agreement is a decision (the
# roads of a closure or the criteria of a call are not)
_CHANGE_RE = re.compile("កែសម្រួល|ផ្លាស់ប្តូរ|កែប្រែ|ឯកភាព|សម្រេច|លុបចោល|ត្រូវបានកាត់|បន្ថែម|ដាក់ឱ្យ|ដាក់ឲ្យ")
# "as follows": the items of an announcement or of a meeting's outcome
_AS_FOLLOWS_RE = re.compile("ដូចខាងក្រោម|ដូចតទៅ")
_BARE_NUMBER_ITEM_RE = re.compile("[ \u200b]*[1១][ \u200b]+(?=[\u1780-\u17b3])")


_OUTCOME_RE = re.compile("លទ្ធផល(?:សំខាន់|ដូច|ជាក់ស្តែង|នៃកិច្ចប្រជុំ|ពិភាក្សា)|ចំណុចដែលបាន(?:ឯកភាព|សម្រេច)")


# a ceremony being prepared is the topic, not the event ("ប្រជុំត្រៀមរៀបចំពិធីបុណ្យអុំទូក", "ការរៀបចំ
# ពិធី..."): its words are not counted as the kind's cues
_PREPARED_CEREMONY_RE = re.compile("(?:ត្រៀម(?:រៀបចំ)?|ការរៀបចំ)[\u200b ]?(?:ពិធីបុណ្យ|ពិធី|បុណ្យ)")


# a disaster told as what came before (ក្រោយទឹកជំនន់, after the flood) or, in a report of help
# brought, as what hurt the people helped (រងគ្រោះដោយទឹកជំនន់): the setting, not the event
_DISASTERS = "ទឹកជំនន់|ខ្យល់ព្យុះ|ខ្យល់កន្ត្រាក់|អគ្គិភ័យ|គ្រោះរាំងស្ងួត|គ្រោះទឹកជំនន់"
_AFTER_DISASTER_RE = re.compile(f"ក្រោយ(?:ពី)?[\u200b ]?(?:{_DISASTERS})")
_HIT_BY_DISASTER_RE = re.compile(f"រងគ្រោះ(?:ដោយ)?[\u200b ]?(?:{_DISASTERS})")
_HELP_RE = re.compile("សួរសុខទុក្ខ|ចែកអំណោយ|ឧបត្ថម្ភ|ចុះជួយ|ផ្តល់ជំនួយ|ផ្ដល់ជំនួយ")


def _kind(title: str, lead: str, rest: str) -> str:
    title, lead, rest = (_PREPARED_CEREMONY_RE.sub(" ", t) for t in (title, lead, rest))
    title, lead, rest = (_AFTER_DISASTER_RE.sub(" ", t) for t in (title, lead, rest))
    if _HELP_RE.search(title + " " + lead):
        title, lead, rest = (_HIT_BY_DISASTER_RE.sub(" ", t) for t in (title, lead, rest))
    scores = dict.fromkeys(KINDS, 0.0)
    for kind, cues in _KIND_CUES.items():
        scores[kind] = _cue_score(cues, title, lead, rest)
    # "video" only counts for a meeting held over video
    if scores["video_conference"] and not (scores["meeting"] or "ប្រជុំ" in title + lead):
        scores["video_conference"] = 0.0  # a video clip, an online sale: not a meeting
    best = max(_KIND_ORDER, key=lambda k: (scores[k], -_KIND_ORDER.index(k)))
    whole = (title + lead + rest).lower()
    if (
        sum(whole.count(cue) for cue in _OTHER_CUES) >= 2
        and _cue_score(_OTHER_CUES, title, lead, rest) > scores[best]
    ):
        return "other"  # a match, a film, a singer: the meeting words are in passing
    return best if scores[best] > 0 else "other"


def _cue_score(cues: tuple[str, ...], title: str, lead: str, rest: str) -> float:
    """The weighted count of ``cues`` in the title (x3), the lead (x2) and the rest (x0.5;
    not the lead-only cues), each at most three times; longer cues are more specific."""
    score = 0.0
    for text, weight in ((title, 3.0), (lead, 2.0), (rest, 0.5)):
        low = text.lower()
        for cue in cues:
            if weight < 1 and cue in _LEAD_ONLY_CUES:
                continue
            c = low.count(cue)
            if c:
                score += weight * min(c, 3) * (1.0 + len(cue) / 12)
    return score


def _person_dict(e: Entity) -> dict[str, Any]:
    v = e.value or {}
    return {
        "text": _ZW_RE.sub("", e.text),
        "name": v.get("name"),
        "titles": list(v.get("titles") or []),
        "role": v.get("role"),
    }


def _sentence_of(sentences: Sequence[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        s, e = sentences[mid]
        if e <= pos:
            lo = mid + 1
        elif s > pos:
            hi = mid
        else:
            return s, e
    return None


_DEADLINE_WORDS = (
    "ឱ្យបានមុន",
    "ឲ្យបានមុន",
    "អោយបានមុន",
    "ឱ្យបានត្រឹម",
    "ឲ្យបានត្រឹម",
    "មុន",
    "ត្រឹម",
    "ឱ្យបាន",
    "ឲ្យបាន",
    "ឱ្យរួច",
    "ចុង",
    "ដើម",
)


_EVENT_NOUN_RE = re.compile(
    "|".join(sorted((n for n in _EVENT_NOUNS if n != "ការ"), key=len, reverse=True))
)
# connectors between the event and its date, and deadline words ("... ឱ្យបានមុនថ្ងៃ ...")
_DATE_LEADS = tuple(
    sorted(
        {
            "នៅថ្ងៃ",
            "នៅ",
            "នា",
            "ក្នុង",
            "ពី",
            "ថ្ងៃ",
            "គឺ",
            "ចាប់ពី",
            "ចាប់ផ្តើមពី",
            "តាំងពី",
            "រហូតដល់",
            "ដល់",
            "ត្រូវនឹង",
            "វេលា",
            "កាលពី",
            *_DEADLINE_WORDS,
        },
        key=len,
        reverse=True,
    )
)
# words that end the event noun phrase: the verb or relative clause after it
_EVENT_CUT_RE = re.compile(
    "នឹង|ដែល|គ្រោង|ត្រូវ|នោះ|នេះ|រយៈពេល|ចាប់ពី|ចាប់ផ្តើម|ប្រព្រឹត្តទៅ|ធ្វើឡើង|នៅ|នា|កាលពី|ខាងមុខ"
)
# verbs that only say that something takes place ("... នឹងធ្វើឡើង", "... នឹងប្រព្រឹត្តទៅ")
_HAPPEN_VERBS = (
    "ធ្វើឡើង",
    "ប្រព្រឹត្តទៅ",
    "ប្រព្រឹត្ត",
    "ប្រារព្ធឡើង",
    "កើតឡើង",
    "ចាប់ផ្តើម",
    "ចាប់",
    "ធ្វើ",
    "មាន",
    "ដំណើរការ",
    "បើក",
    "ត្រូវ",
    "ត្រូវបាន",
)
_CLAUSE_BREAK_RE = re.compile("[។៕៖;!?]|ថា[ ]?|, | ហើយ[ ]?")
_LIST_INTRO_RE = re.compile(
    "[ ]*(?:តាម)?(?:កាលវិភាគ)?[ ]?(?:ដូច)?(?:ខាងក្រោម|តទៅ|តទៅនេះ)?[ ]*[៖:]*[ ]*$"
)


def _cut_event(f: _Folded, i: int, end: int) -> int:
    """End of the event phrase starting at folded offset ``i`` (its word group, up to ``end``)."""
    t = f.text
    j = t.find(" ", i, end)
    j = end if j < 0 else j
    if t.startswith("និង", j + 1):  # "... កញ្ជ្រឹល និងស្អូច": a list of two goes on
        k = t.find(" ", j + 1, end)
        j = end if k < 0 else k
    for cut in _EVENT_CUT_RE.finditer(t, i + 1, j):
        a, b = cut.span()
        # a word of its own, not letters of a longer one ("នា" in "ឆ្នាំ")
        if t[a - 1] != "\u17d2" and (b >= len(t) or not _is_mark(t[b])):
            return a
    return j


def _event_span(f: _Folded, lo: int, hi: int) -> tuple[int, int] | None:
    """The event named in the folded text ``[lo, hi)`` written before a date, as folded offsets:
    an event noun phrase (``កិច្ចប្រជុំលើកក្រោយ``, ``វគ្គបណ្តុះបណ្តាល...``), else the planned action
    after នឹង (``ចាប់ផ្តើមសាងសង់...``), else the subject of a bare "will take place"."""
    t = f.text
    while hi > lo and t[hi - 1] == " ":
        hi -= 1
    c0 = lo
    for m in _CLAUSE_BREAK_RE.finditer(t, lo, hi):
        c0 = m.end()
    while c0 < hi and t[c0] == " ":
        c0 += 1
    if c0 >= hi:
        return None
    m = _EVENT_NOUN_RE.search(t, c0, hi)
    if m and (m.start() == c0 or not _is_mark(t[m.start()])):
        e = _cut_event(f, m.start(), hi)
        return (m.start(), e) if e > m.start() else None
    k = t.rfind("នឹង", c0, hi)
    if k < 0:
        k = t.rfind("គ្រោង", c0, hi)
        w = 5
    else:
        w = 3
    if k >= 0:
        v = k + w
        while v < hi and t[v] == " ":
            v += 1
        e = _cut_event(f, v, hi)
        verb = t[v:e]
        if len(verb) >= 4 and verb not in _HAPPEN_VERBS:
            return v, e
        # "... លើកក្រោយ នឹងធ្វើឡើង": the thing that takes place is written before
        subj_end = k
        while subj_end > c0 and t[subj_end - 1] == " ":
            subj_end -= 1
        sp = t.rfind(" ", c0, subj_end)
        subj_start = c0 if sp < 0 else sp + 1
        if subj_end - subj_start >= 4 and _khmer(t[subj_start:subj_end]):
            return subj_start, subj_end
    return None


def _is_mark(ch: str) -> bool:
    return "\u17b4" <= ch <= "\u17d3"


def _khmer(s: str) -> bool:
    return any("\u1780" <= c <= "\u17ff" for c in s)


def _strip_leads(t: str, lo: int, hi: int) -> tuple[int, bool]:
    """``hi`` moved back over the connectors and deadline words written before a date."""
    deadline = False
    for _ in range(4):
        while hi > lo and t[hi - 1] in " ,":
            hi -= 1
        for w in _DATE_LEADS:
            if t.endswith(w, lo, hi):
                hi -= len(w)
                deadline = deadline or w in _DEADLINE_WORDS
                break
        else:
            break
    while hi > lo and t[hi - 1] in " ,":
        hi -= 1
    return hi, deadline


def _event_text(
    text: str, sent: tuple[int, int], ds: int, de: int, heading: tuple[int, int] | None = None
) -> str:
    """What happens on a future date, as written in the source (zero-width characters
    dropped): the event noun phrase before the date, the planned action, or for a deadline
    (មុន / ត្រឹម) the clause before it; for a date that opens a list item, the event its
    heading announces; else what follows the date."""
    # a window around the date (a "sentence" of a text without sentence ends may be huge)
    f = _Folded(text, max(sent[0], ds - _WINDOW), min(sent[1], de + _WINDOW))
    t = f.text
    lo, hi = 0, f.pos(ds)
    m = _BULLET_RE.match(t, 0, hi) if hi else None
    if m:
        lo = m.end()
    hi, deadline = _strip_leads(t, lo, hi)
    if deadline:
        c0 = lo
        for b in re.finditer("[។៕៖;]", t[lo:hi]):
            c0 = lo + b.end()
        return f.source(max(c0, hi - 160), hi)
    if hi > lo:
        span = _event_span(f, lo, hi)
        if span is not None:
            return f.source(*span)
        chunk_start = t.rfind(" ", lo, hi) + 1 or lo
        chunk = t[max(chunk_start, lo) : hi]
        if chunk and not _khmer(chunk):
            return f.source(max(lo, hi - 80), hi)  # "... West Ham United នៅ ...": the clause
        if len(chunk) >= 4 and not t.endswith(("ថា", "៖"), lo, hi):
            return f.source(max(chunk_start, lo), hi)
    elif heading is not None:
        # "១. ថ្ងៃអង្គារ ទី១៤ ...": the heading of the list says what happens on each day
        h = _Folded(text, max(heading[0], heading[1] - _WINDOW), heading[1])
        intro = _LIST_INTRO_RE.search(h.text)
        h_hi = intro.start() if intro else len(h.text)
        span = _event_span(h, 0, h_hi)
        if span is not None:
            return h.source(*span)
    # the date opens the clause: what follows it is what happens
    a = f.pos(de)
    stop = re.search("[។៕;]", t[a:])
    b = a + stop.start() if stop else len(t)
    return f.source(a, min(b, a + 160)) or f.source(max(lo, hi - 160), hi)


# a web page's publication line under the title ("ចុះផ្សាយ៖ ២៣ វិច្ឆិកា ២០២៦ | ម៉ោង ៤:១០ ល្ងាច"):
# when the page was put out, not the event; it still gives the report date (document.py)
_PUBLISHED_LINE_RE = re.compile(
    "[ \u200b]*(?:ចុះ[ \u200b]?)?ផ្សាយ(?:នៅ|ថ្ងៃ)?[ \u200b]*[៖:][^\n]{0,60}$"
)
_SIGNED_RE = re.compile("ធ្វើនៅ|^[^ ]{2,30}[ ,\u200b]*ថ្ងៃទី[^ ]+ ខែ[^ ]+ ឆ្នាំ[^ ]+$")
_DAY_TEXT_RE = re.compile(r"ថ្ងៃ|កើត|រោច|ស្អែក|ម្សិលមិញ|[0-9០-៩][/.-][0-9០-៩]")


_VENUE_NOUNS = (
    "សាល",
    "ទីស្តីការ",
    "ស្នាក់ការ",
    "ទីស្នាក់ការ",
    "មន្ទីរ",
    "ក្រសួង",
    "សាលា",
    "វិមាន",
    "អគារ",
    "បន្ទប់",
    "សណ្ឋាគារ",
    "មជ្ឈមណ្ឌល",
    "ភូមិ",
    "ឃុំ",
    "សង្កាត់",
    "ស្រុក",
    "ខណ្ឌ",
    "ខេត្ត",
    "ទីលាន",
    "វត្ត",
    "ផ្សារ",
    "ព្រលាន",
    "ស្ពាន",
    "ផ្លូវ",
    "មហាវិថី",
    "រាជធានី",
    "ក្រុង",
    "ប្រទេស",
    "ទីក្រុង",
    "ការិយាល័យ",
    "រោងចក្រ",
    "មន្ទីរពេទ្យ",
    "កំពង់ផែ",
    "ច្រក",
    "ទីតាំង",
    "បរិវេណ",
    "វិទ្យាល័យ",
    "សាកលវិទ្យាល័យ",
    "ពហុកីឡដ្ឋាន",
    "កីឡដ្ឋាន",
    "ស្ថានីយ",
    "ក្រុមហ៊ុន",
    "ធនាគារ",
    "រដ្ឋបាល",
    "ភោជនីយដ្ឋាន",
    "មណ្ឌល",
    "គេហដ្ឋាន",
    "លំនៅដ្ឋាន",
    "តំបន់",
    "ការដ្ឋាន",
    "ប្រាសាទ",
    "ចំណុច",
    "ទីធ្លា",
    "អនុវិទ្យាល័យ",
    "បឋមសិក្សា",
    "ស្ថានទូត",
    "ស្ថានឯកអគ្គរាជទូត",
    "អាកាសយានដ្ឋាន",
    "កោះ",
)
_PLACE_WORDS = ("ភូមិ", "ឃុំ", "សង្កាត់", "ស្រុក", "ខណ្ឌ", "ខេត្ត", "រាជធានី", "ក្រុង", "ប្រទេស", "ទីក្រុង")
_VENUE_NOUN_ALT = "|".join(sorted(_VENUE_NOUNS, key=len, reverse=True))
# opposite, in front of, near, behind a landmark ("នៅទល់មុខក្លិប...", "នៅក្បែរផ្សារ...")
_LANDMARK_ALT = "ទល់មុខ|ចំពីមុខ|ខាងមុខ|ក្បែរ|ជិត|ខាងក្រោយ"
_VENUE_START_RE = re.compile(
    f"(?:នៅ|នា|ពី|ក្នុង|លើ)[ ]?(?:ក្នុង|លើ)?[ ]?(?=(?:{_VENUE_NOUN_ALT}))|នៅ[ ]?(?={_LANDMARK_ALT})"
)


_LANDMARK_RE = re.compile(_LANDMARK_ALT)
_VENUE_NOUN_RE = re.compile(_VENUE_NOUN_ALT)
# "កសិករនៅក្នុងស្រុក...", "រស់នៅភូមិ...": where people live, not where the event is
_RESIDENCE_RE = re.compile("(?:រស់|កសិករ|ប្រជាពលរដ្ឋ|ពលរដ្ឋ|បងប្អូន|អ្នកភូមិ|សិស្ស|គ្រួសារ)[ ]?$")


def _cut_at_verb(folded: str, a: int, b: int) -> int:
    """The venue phrase ends before a verb written after a space ("...Incheon ធ្វើដំណើរ...")."""
    k = folded.find(" ", a, b)
    while k >= 0:
        m = _WORD_RE.match(folded, k + 1)
        if m and starts_with_verb(m.group()) and not _PLACE_WORD_RE.search(folded, k, b):
            return k  # (a verb before the places of the phrase does not end it: "...ឆ្លងកាត់ឃុំ...")
        k = folded.find(" ", k + 1, b)
    return b


def _past_straddling_place(f: _Folded, a: int, b: int, ents: Sequence[Entity]) -> int:
    """A venue phrase cut inside a place's name goes on to the name's end."""
    oa, ob = f.orig(a, b)
    for x in ents:
        if x.label == "LOC" and oa <= x.start < ob < x.end:
            return f.pos(x.end)
    return b


_LONG_VENUE = 80
_VENUE_TAIL_RE = re.compile("[ ]*(?:កាល|វេលា|នា|នៅ|ពេល|កាលវេលា|ម៉ោង)*[ ]*$")


def _cut_at_date(f: _Folded, a: int, b: int, ents: Sequence[Entity]) -> int:
    """The venue phrase ends before a date or a time written in it ("...ហេតុការណ៍នេះកើតឡើង
    កាលវេលាម៉ោង២ ... រសៀលថ្ងៃទី២១..." is not a place)."""
    oa, ob = f.orig(a, b)
    starts = [x.start for x in ents if x.label in ("DATE", "TIME") and oa < x.start < ob]
    if not starts:
        return b
    k = f.pos(min(starts))
    m = _VENUE_TAIL_RE.search(f.text, a, k)
    return m.start() if m else k


def _cut_at_person(f: _Folded, a: int, b: int, ents: Sequence[Entity]) -> int:
    """The venue phrase ends before a person named with a title, whatever the title (the stop
    words list only the common ones: "...សាលាខេត្ត ឯ.ឧ គីម រិទ្ធី អភិបាលរងខេត្ត")."""
    oa, ob = f.orig(a, b)
    starts = [
        x.start
        for x in ents
        if x.label == "PERSON"
        and oa < x.start < ob
        and isinstance(x.value, dict)
        and x.value.get("titles")
    ]
    if not starts:
        return b
    k = f.pos(min(starts))
    while k > a and f.text[k - 1] == " ":
        k -= 1
    return k


_WORD_RE = re.compile("[\u1780-\u17d3]+")
_PLACE_WORD_RE = re.compile("ភូមិ|ឃុំ|សង្កាត់|ស្រុក|ខណ្ឌ|ខេត្ត|រាជធានី|ក្រុង")


def _place_values(ents: Sequence[Entity], os_: int, oe: int) -> dict[str, Any] | None:
    """The most specific place written in ``[os_, oe)``: the LOCs there and the places inside
    the names of the ORGs there (``សាលាឃុំ...``, ``រដ្ឋបាលស្រុក...``)."""
    values: list[Any] = []
    for x in ents:
        if x.start < os_ or x.end > oe:
            continue
        if x.label == "LOC":
            values.append(x.value)
        elif x.label == "ORG" and isinstance(x.value, dict):
            values.append(x.value.get("place"))
    return most_specific_place(values)


def _venue(
    text: str, spans: Sequence[tuple[int, int]], ents: Sequence[Entity], kind: str = "other"
) -> dict[str, Any] | None:
    """The place phrase of the lead ("នៅសាលប្រជុំសាលាខេត្ត...") in the source spelling, and the
    most specific place written in it (village before commune before district before province).

    A venue (a hall, an office, a school ...) is preferred over a bare administrative place
    written earlier in the lead, except in an incident (where the place is the address);
    places where people live (``កសិករនៅក្នុងស្រុក...``) are skipped, except in a visit or a
    ceremony, which go to those people."""
    for s, e in spans:
        f = _Folded(text, s, min(e, s + 4 * _WINDOW))  # the venue is in the lead's opening
        folded = f.text
        found: list[tuple[int, int]] = []
        at: list[tuple[int, int]] = []  # the phrases after "at" (not after ពី "from")
        for m in _VENUE_START_RE.finditer(folded):
            if kind not in ("visit", "ceremony") and _RESIDENCE_RE.search(
                folded, max(0, m.start() - 14), m.start()
            ):
                continue  # (a visit or a handing-over goes to where the people live)
            a = m.end()
            stop = _VENUE_STOP_RE.search(folded, a)
            b = stop.start() if stop else min(len(folded), a + 120)
            while a < b and folded[a] == " ":
                a += 1
            while b > a and folded[b - 1] == " ":
                b -= 1
            b = _past_straddling_place(f, a, b, ents)  # "ខណ្ឌ មានជ័យ": មាន is no stop there
            b = _cut_at_verb(folded, a, b)
            b = _cut_at_date(f, a, b, ents)
            if b - a > _LONG_VENUE:
                # a long phrase with no stop ("លើផ្លូវក្រោមកម្តៅថ្ងៃ..."): it ends with the last
                # place or body named in it, and without one it is not a venue
                oa, ob = f.orig(a, b)
                ends = [x.end for x in ents if x.label in ("LOC", "ORG") and oa <= x.start < ob]
                if not ends:
                    continue
                b = f.pos(max(ends))
            b = _cut_at_person(f, a, b, ents)
            phrase = folded[a:b]
            if len(phrase) < 4 or phrase in _VENUE_NOUNS:
                continue
            if _LANDMARK_RE.match(folded, a) and not _VENUE_NOUN_RE.search(phrase):
                oa, ob = f.orig(a, b)
                if not any(x.label in ("LOC", "ORG") and oa <= x.start < ob for x in ents):
                    continue  # "នៅក្បែរ ប្រសិនបើ...": no landmark is named
            if m.group().startswith("ពី") and phrase.startswith(("ក្រុមហ៊ុន", "ធនាគារ")):
                continue  # "ពីក្រុមហ៊ុន...": from a company, not a venue
            found.append((a, b))
            if not m.group().startswith("ពី"):
                at.append((a, b))
        if not found:
            continue
        # "និស្សិតមកពីសាកលវិទ្យាល័យ... នៅមជ្ឈមណ្ឌល...": "from" names where people come from;
        # the event is where "at" says, when a phrase with "at" is there
        found = at or found
        a, b = found[0]
        if kind != "incident":
            # a venue named close after a bare place is preferred ("នៅខេត្ត... នៅសាលប្រជុំ...");
            # one far down the lead ("...នៅតំបន់ជាច្រើន...") is not the event's place
            a, b = next(
                (
                    (x, y)
                    for x, y in found
                    if not folded.startswith(_PLACE_WORDS, x) and x - found[0][0] <= 150
                ),
                found[0],
            )
        os_, oe = f.orig(a, b)
        if folded.startswith(_PLACE_WORDS, a):
            # "នៅប្រទេសចិនមានទំហំធំ...": a place written alone ends with its address chain
            pos = os_
            for x in sorted((x for x in ents if x.label == "LOC"), key=lambda x: x.start):
                if x.start < pos or x.end > oe:
                    continue
                if _ZW_RE.sub("", text[pos : x.start]).strip(" ,"):
                    break
                pos = x.end
            if pos > os_:
                oe = pos
            elif len(found) == 1:
                continue  # "នៅក្នុងប្រទេសនេះជាការ...": "this country", no place named
            else:
                found = found[1:]
                os_, oe = f.orig(*found[0])
        place = _ZW_RE.sub("", text[os_:oe]).strip()
        value = _place_values(ents, os_, oe) or _dateline_place(text, spans, ents)
        return {"text": place, "value": value}
    return None


_DATELINE_END_RE = re.compile("[ \u200b)]*[៖:ៈ]")


# the sentence that tells when and where the event took place
_HAPPENED_RE = re.compile(
    "កើត\u200b?ឡើង|ធ្វើ\u200b?ឡើង|ប្រព្រឹត្ត\u200b?ទៅ|ប្រារព្ធ\u200b?ឡើង|រៀបចំ\u200b?ឡើង"
)
_SENTENCE_END_RE = re.compile("[។៕!?]")
_COMING_RE = re.compile("ខាង\u200b?មុខ|នឹង|គ្រោង")  # a coming event is not the one reported


def _dateline_loc(
    text: str, spans: Sequence[tuple[int, int]], ents: Sequence[Entity]
) -> Entity | None:
    """The LOC of the dateline ("(កំពង់ធំ)៖ ...", "ក្រុងវ៉ាស៊ីនតោនៈ ..."), with a place value."""
    if not spans:
        return None
    s, _e = spans[0]
    for x in ents:
        if x.label != "LOC" or x.start < s or x.start > s + 40:
            continue
        if _DATELINE_END_RE.match(text, x.end) and isinstance(x.value, dict):
            return x
    return None


def _dateline_place(
    text: str, spans: Sequence[tuple[int, int]], ents: Sequence[Entity]
) -> dict[str, Any] | None:
    """The place of the dateline: where a venue that names no place is."""
    x = _dateline_loc(text, spans, ents)
    return x.value if x is not None else None


def _foreign_dateline(
    text: str, spans: Sequence[tuple[int, int]], ents: Sequence[Entity]
) -> dict[str, Any] | None:
    """The dateline of a report from abroad, when it names a foreign country, city or region
    (no Cambodian place code): ``{"text", "value"}`` as a venue."""
    x = _dateline_loc(text, spans, ents)
    if x is None:
        return None
    v = x.value  # (a dict: _dateline_loc keeps only places with a value)
    if v.get("type") not in ("country", "city", "region") or v.get("code"):
        return None
    if v.get("name_en") == "Cambodia":
        return None
    return {"text": _ZW_RE.sub("", x.text).strip(), "value": v}


_YEAR_RE = re.compile("ឆ្នាំ|[0-9០-៩]{4}")


def _signed_day(
    text: str, body: Sequence[tuple[int, int]], days: Sequence[tuple[Entity, str]]
) -> str | None:
    """The day an announcement was signed: the first day of ``days`` (DATE entities with their
    ISO day) on a short line that says where and when it was done ("ធ្វើនៅ... ថ្ងៃទី២៤ ...")."""
    signed = [(s, e) for s, e in body if e - s < 120 and _SIGNED_RE.search(text[s:e])]
    for s, e in signed[:3]:
        for d, day in days:
            if s <= d.start < e:
                return day
    return None


def _event_date(
    text: str,
    body: Sequence[tuple[int, int]],
    entities: Sequence[Entity],
    report_date: date | None,
    kind: str,
) -> str | None:
    """The day the event happened: the first full date of the lead paragraphs that is not after
    the report date (an announcement: the date it was signed)."""
    ref = report_date.isoformat() if report_date else None
    # a day, or a range of days ("ពីថ្ងៃទី២១ ដល់ថ្ងៃទី២៥ ខែតុលា"): the event begins on its first
    days = [
        (e, e.value[:10])
        for e in entities
        if e.label == "DATE"
        and isinstance(e.value, str)
        and (len(e.value) == 10 or (len(e.value) == 21 and e.value[10] == "/" and "ថ្ងៃ" in e.text))
        and _DAY_TEXT_RE.search(e.text)
    ]
    if kind == "announcement":
        day = _signed_day(text, body, days)
        if day is not None:
            return day
    for k, (s, e) in enumerate(body[:2]):
        for d, day in days:
            if s <= d.start < e and (ref is None or day <= ref):
                if (
                    k
                    and body[0][1] - body[0][0] > 80
                    and not _YEAR_RE.search(d.text)
                    and not _fold(d.text).endswith(("នេះ", "ម្សិលមិញ"))
                ):
                    continue  # a day without its year (nor "this", "yesterday") is a detail
                before = _fold(text[max(s, d.start - 25) : d.start])
                if re.search("ចេញផ្សាយ|ផ្សព្វផ្សាយនៅ|ចុះហត្ថលេខា", before):
                    continue
                return day
    return None


_PRIVATE_TITLES = frozenset({"លោក", "លោកស្រី", "អ្នកស្រី", "អ្នកនាង", "កញ្ញា", "នាង", "អ្នក", "ក្មួយ"})
# in an incident, only someone leading an action in the lead is its "chair"
_LEAD_AFTER_RE = re.compile("ដឹកនាំ|អធិបតី|ជាប្រធានក្រុម|បញ្ជាការ")


def _private(e: Entity) -> bool:
    """A person named without a role and with at most a courtesy title (លោក, លោកស្រី ...):
    in an incident, a victim, an owner, a witness or a suspect — not a participant."""
    v = e.value if isinstance(e.value, dict) else {}
    if v.get("role"):
        return False
    return all(t in _PRIVATE_TITLES for t in v.get("titles") or [])


def _masked(text: str, s: int, e: int, ents: Sequence[Entity]) -> str:
    """``text[s:e]`` with the names of people, bodies and places blanked out, so that a cue
    word is not found inside a name (ជូន in មន្ទីរ...ដឹកជញ្ជូន...)."""
    parts = []
    pos = s
    for x in ents:
        if x.end <= s or x.start >= e or x.label not in ("PERSON", "ORG", "LOC"):
            continue
        a, b = max(x.start, s), min(x.end, e)
        if a < pos:
            continue
        parts.append(text[pos:a])
        parts.append(" ")
        pos = b
    parts.append(text[pos:e])
    return _fold("".join(parts))


# the purpose of a meeting in its lead sentence: a verb of review or planning with its object
# glued to it ("កិច្ចប្រជុំពិនិត្យវឌ្ឍនភាព...", "ដើម្បីវាយតម្លៃលទ្ធផល...")
_PURPOSE_RE = re.compile(
    "(?:(?:កិច្ចប្រជុំ|ការប្រជុំ|ប្រជុំ|សិក្ខាសាលា|វេទិកា)(?:[ ]?ដើម្បី)?|ដើម្បី|"
    "ក្នុងគោលបំណង(?:[ ]?ដើម្បី)?)[ ]?(?=(?:ត្រួតពិនិត្យ|ពិនិត្យ|វាយតម្លៃ|បូកសរុប|"
    "ត្រៀមរៀបចំ|ផ្សព្វផ្សាយ|ពិភាក្សា(?!លើ|អំពី|គ្នា)|ស្វែងរកដំណោះស្រាយ|ដោះស្រាយ|លើកផែនការ|"
    "ពង្រឹង|ជំរុញ)(?:លើ|ពី)?[\u1780-\u17b3])"
)
_PURPOSE_STOP_RE = re.compile(
    '[។៕៖;()«»"“”!?]| (?=ឯកឧត្តម|លោក|សម្តេច|ក្រោម|ដែល|នៅ|នា|ដោយ|ជាមួយ|កាលពី|ដើម្បី|'
    "ថ្ងៃ|វេលា|ម៉ោង|បាន|ហើយ|ព្រមទាំង|ប្រជាពលរដ្ឋ)|ក្រោមអធិបតី|ដែលបាន|បានធ្វើ|"
    "(?:នៅ|នា)(?:ថ្ងៃ|ព្រឹក|រសៀល|ល្ងាច|សាល|ទី)|កាលពី|ថ្ងៃទី"
)


def _topics_in(f: _Folded, pattern: re.Pattern[str], stop_re: re.Pattern[str]) -> list[str]:
    out = []
    t = f.text
    for m in pattern.finditer(t):
        stop = stop_re.search(t, m.end())
        end = stop.start() if stop else min(len(t), m.end() + 120)
        if end - m.end() > 120:  # no end in sight: up to the last space before 120
            end = t.rfind(" ", m.end(), m.end() + 120)
            if end < 0:
                continue
        topic = f.source(m.end(), end)
        if len(topic) >= 4:
            out.append(topic)
    return out


_PAST_AFTER_RE = re.compile("(?<!ឱ្យ)(?<!ឲ្យ)(?<!អោយ)បាន(?!ត្រឹម|មុន)")
_FUTURE_RE = re.compile("នឹង|គ្រោង|ខាងមុខ|ត្រូវ|សូម|ត្រៀម")
# a day told as coming in its own words ("... ខាងមុខ", "... ខាងមុខនេះ", "... ក្រោយ")
_TOLD_COMING_RE = re.compile("(?:ខាងមុខ|ក្រោយ)(?:នេះ)?$")


def _narrated_past(text: str, sent: tuple[int, int], e: Entity) -> bool:
    """A date after the report date whose sentence tells what *was* done on it ("... ថ្ងៃទី៤
    ... លោក ... បានចុះសួរសុខទុក្ខ"): the report date was read too early; not upcoming."""
    a, b = max(sent[0], e.start - _WINDOW), min(sent[1], e.end + _WINDOW)
    if _FUTURE_RE.search(_fold(text[a:b])):
        return False
    return bool(_PAST_AFTER_RE.search(_fold(text[e.end : b])))


def build_record(
    text: str,
    *,
    title_span: tuple[int, int] | None,
    paragraphs: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity],
    report_date: date | None,
    removed: Sequence[tuple[int, int]] = (),
) -> Record:
    """Fill the event record of a report from its layout and entities.

    ``paragraphs`` are the content line spans (title and noise already left out). A line
    before the title that only names the document type (``សេចក្តីជូនដំណឹង`` above a
    ``ស្តីពី...`` title) is part of the heading, not of the body. Text fields are taken from
    the source in its own spelling (zero-width characters dropped).
    """
    shown = without_web_stamp(text, title_span) if title_span else None
    title = _ZW_RE.sub("", text[shown[0] : shown[1]]).strip() if shown else None
    header = [
        p
        for p in paragraphs
        if title_span and p[1] <= title_span[0] and is_doc_type_line(text[p[0] : p[1]])
    ]
    published = [p for p in paragraphs if _PUBLISHED_LINE_RE.match(text, *p)]
    body = [p for p in paragraphs if p != title_span and p not in header and p not in published]
    lead_span = body[0] if body else (0, 0)
    lead = _fold(text[lead_span[0] : lead_span[1]])
    first_sent = _sentence_of(sentences, lead_span[0]) if body else None
    lead_sentence = _fold(text[first_sent[0] : first_sent[1]]) if first_sent else lead
    rest = _fold(" ".join(text[s:e] for s, e in body[:4]))
    rec = Record(title=title)
    head_text = " ".join(text[s:e] for s, e in header) + " " + (title or "")
    rec.kind = _kind(_fold(head_text), lead_sentence, rest)
    rec.date = _event_date(text, body, entities, report_date, rec.kind)

    removed_sorted = sorted(removed)
    removed_starts = [a for a, _ in removed_sorted]

    def in_body(e: Entity) -> bool:
        i = bisect.bisect_right(removed_starts, e.start) - 1
        return i < 0 or not (removed_sorted[i][0] <= e.start < removed_sorted[i][1])

    ents = [e for e in entities if in_body(e)]
    body_ents = [
        e
        for e in ents
        if not (title_span and title_span[0] <= e.start < title_span[1])
        and not any(a <= e.start < b for a, b in published)
    ]
    # time: a TIME written in the sentence of the event date
    if rec.date is not None:
        day_ent = next(
            (
                e
                for e in body_ents
                if e.label == "DATE" and isinstance(e.value, str) and e.value[:10] == rec.date
            ),
            None,
        )
        if day_ent is not None:
            sent = _sentence_of(sentences, day_ent.start) or (day_ent.start, day_ent.end)
            for e in body_ents:
                if (
                    e.label == "TIME"
                    and sent[0] <= e.start < sent[1]
                    and isinstance(e.value, str)
                    and re.match(r"\d\d:\d\d", e.value)
                ):
                    rec.time = e.value[:5]
                    break
    # place: the venue phrase of the lead paragraph, else of the next paragraph that tells when
    # the event took place ("ករណីនេះ កើតឡើងកាលពី... នៅ...", "...បានធ្វើឡើងនៅ...")
    rec.place = _venue(text, body[:1], ents, rec.kind)
    if rec.place is None:
        for s, e in body[1:3]:
            hm = _HAPPENED_RE.search(text, s, e)
            if hm:  # the clause from "took place" to the end of its sentence
                stop = _SENTENCE_END_RE.search(text, hm.end(), e)
                end = stop.start() if stop else e
                if not _COMING_RE.search(text, max(s, hm.start() - 40), end):
                    rec.place = _venue(text, [(hm.start(), end)], ents, rec.kind)
                break
    if rec.place is None and rec.kind != "other":
        # a report from abroad names no venue: its dateline is where the event is
        # ("ក្រុងវ៉ាស៊ីនតោនៈ ...", "ឈីលី ៖ ..."); a Cambodian dateline ("ភ្នំពេញ៖") is often
        # only where the newsroom is
        rec.place = _foreign_dateline(text, body[:1], ents)
    # chair: a person introduced as presiding (or, at a meeting, the first person of the lead)
    persons = [e for e in body_ents if e.label == "PERSON"]
    chair: Entity | None = None
    if rec.kind == "incident":
        # an incident has no chair, unless the lead names someone leading an action
        # ("... ដឹកនាំដោយលោក ...", "លោក ... បានដឹកនាំកម្លាំង ..."); a visit to the victims
        # later on does not make its visitor the chair
        for e in persons:
            if not (lead_span[0] <= e.start < lead_span[1]):
                continue
            before = _fold(text[max(lead_span[0], e.start - 40) : e.start])
            sent = _sentence_of(sentences, e.start) or (e.start, lead_span[1])
            after = _fold(text[e.end : min(sent[1], lead_span[1], e.end + 120)])
            if _CHAIR_BEFORE_RE.search(before) or _LEAD_AFTER_RE.search(after):
                chair = e
                break
    else:

        def presides_after(e: Entity) -> bool:
            sent = _sentence_of(sentences, e.start)
            return bool(sent) and bool(
                _CHAIR_AFTER_RE.search(_fold(text[e.end : min(sent[1], e.end + 250)]))
            )

        def presides_before(e: Entity) -> bool:
            # "ក្នុងឱកាសអញ្ជើញជាអធិបតីប្រគល់សញ្ញាបត្រ ... សម្តេច ...": presiding told before the
            # name, in the same sentence; the first person after it presides
            sent = _sentence_of(sentences, e.start)
            return bool(sent) and bool(_PRESIDING_BEFORE_RE.search(_fold(text[sent[0] : e.start])))

        chair = (
            next(
                (
                    e
                    for e in persons
                    if _CHAIR_BEFORE_RE.search(_fold(text[max(0, e.start - 40) : e.start]))
                ),
                None,
            )
            or next((e for e in persons[:6] if presides_after(e)), None)
            or next((e for e in persons[:6] if presides_before(e)), None)
        )
        if (
            chair is None
            and persons
            and rec.kind in ("meeting", "video_conference", "ceremony", "visit")
            and body
            and body[0][0] <= persons[0].start < body[0][1]
            # a name with no title and no role is a participant, not the host ("X Y មកពីក្លិប
            # ... បានវាយឈ្នះ ...": a fighter)
            and ((persons[0].value or {}).get("titles") or (persons[0].value or {}).get("role"))
        ):
            chair = persons[0]
    if chair is not None:
        rec.chair = _person_dict(chair)
    seen: set[str] = set()
    if chair is not None:
        seen.add((chair.value or {}).get("name") or chair.text)
    # the parts of the full names: a one-word name that is one of them is that person again
    # ("លោកស្រី ម៉ៅ សុភាវី" ... "លោកស្រី សុភាវី")
    named = [(x.value or {}).get("name") or x.text for x in [*persons, chair] if x is not None]
    parts_of_full = {p for n in named if " " in n.strip() for p in n.split()}
    for e in persons:
        key = (e.value or {}).get("name") or e.text
        if key in seen or (" " not in key.strip() and key.strip() in parts_of_full):
            continue
        seen.add(key)
        if rec.kind == "incident" and _private(e):
            continue  # a victim, an owner, a suspect: in the story, not taking part
        rec.participants.append(_person_dict(e))
    orgs_seen: set[str] = set()
    for e in ents:
        if e.label == "ORG":
            name = _ZW_RE.sub("", e.text)
            # the same body written with or without a space inside ("ក្រសួងមុខងារ សាធារណៈ"), or
            # ្ដ for ្ត, is listed once (as first written)
            key = _fold(name).replace(" ", "")
            if key not in orgs_seen:
                orgs_seen.add(key)
                rec.organisations.append(name)
    # attendance: a head count written after "took part" in the first paragraphs
    lead_end = body[1][1] if len(body) > 1 else (body[0][1] if body else 0)
    for e in body_ents:
        if e.start >= lead_end:
            break
        if e.label != "QUANTITY" or not isinstance(e.value, dict):
            continue
        if e.value.get("unit") not in _PEOPLE_UNITS:
            continue
        sent = _sentence_of(sentences, e.start) or (max(0, e.start - 200), e.end)
        before = _masked(text, max(sent[0], e.start - _WINDOW), e.start, body_ents)
        if _ATTEND_RE.search(before) and not _NOT_ATTEND_RE.search(before[-40:]):
            v = e.value.get("value")
            if isinstance(v, int | float):
                rec.attendance = int(v)
                break
    # decisions / topics: bulleted lines, by the heading that introduces them
    heading_kind = None
    heading_line: tuple[int, int] | None = None
    list_heading: dict[int, tuple[int, int]] = {}
    last_item = False
    for k_line, (s, e) in enumerate(body):
        line = text[s:e]
        item = bullet_item(line)
        if item is None:
            kind, first, n = _heading(_fold(line))
            if (
                kind is None
                and heading_kind is not None
                and last_item
                and _continues(text, body, k_line)
            ):
                continue  # a note between two numbered items does not end the list
            heading_line = (s, e)
            heading_kind = kind
            last_item = False
            if first is None or heading_kind is None:
                continue
            # "... រួមមាន ៖ +ស្នើសុំ...": the first item on the heading line (source spelling)
            k = -1
            for _ in range(n + 1):
                k = line.find("៖", k + 1)
            item = bullet_item(line[k + 1 :]) or _bare_first_item(line, k) or first
        elif heading_line is not None:
            list_heading[s] = heading_line
        last_item = True
        item = _ZW_RE.sub("", item)
        if heading_kind == "topics":
            rec.topics.append(item)
        elif (
            heading_kind == "decisions"
            or (
                heading_kind == "follows"
                and rec.kind in ("announcement", "meeting", "video_conference")
                and _CHANGE_RE.search(item)
            )
            or _DIRECTIVE_ITEM_RE.match(item)
            or (
                rec.kind in ("announcement", "meeting", "video_conference")
                and _SUBJECT_MUST_RE.match(item)
            )
        ):
            rec.decisions.append(item)
    for s, e in ([title_span] if title_span else []) + list(body[:2]):
        for topic in _topics_in(
            _Folded(text, s, min(e, s + 4 * _WINDOW)), _TOPIC_RE, _TOPIC_STOP_RE
        ):
            if topic not in rec.topics:
                rec.topics.append(topic)
    if not rec.topics and first_sent and rec.kind in ("meeting", "video_conference"):
        # "... បានដឹកនាំកិច្ចប្រជុំពិនិត្យវឌ្ឍនភាព...", "... ដើម្បីវាយតម្លៃ...": the purpose
        # of the meeting in its lead sentence
        fs = _Folded(text, first_sent[0], min(first_sent[1], first_sent[0] + 4 * _WINDOW))
        for topic in _topics_in(fs, _PURPOSE_RE, _PURPOSE_STOP_RE):
            if topic not in rec.topics:
                rec.topics.append(topic)
    # upcoming: dates after the report date, with what happens then (in date order)
    body_starts = [a for a, _ in body]
    times = sorted((x for x in body_ents if x.label == "TIME"), key=lambda x: x.end)
    time_ends = [x.end for x in times]
    ref = report_date.isoformat() if report_date is not None else None
    if rec.kind == "announcement" and ref is not None:
        # an announcement's signed day ("ធ្វើនៅ... ថ្ងៃទី២៤ ...") is when it was written: what it
        # announces for the days after is coming, whatever date the lead gave first
        days = [
            (e, e.value)
            for e in body_ents
            if e.label == "DATE" and isinstance(e.value, str) and len(e.value) == 10
        ]
        signed = _signed_day(text, body, days)
        if signed is not None and signed < ref:
            ref = signed
    for e in body_ents:
        if e.label != "DATE":
            continue
        day = _DAY_TEXT_RE.search(e.text) is not None
        # a month of a later month than the report's ("...នៅខែកក្កដា ឆ្នាំ២០២៧"): its days
        month = not day and "ខែ" in e.text and isinstance(e.value, str) and len(e.value) == 10
        if not (day or month):
            continue
        iso = e.value[:10] if isinstance(e.value, str) and len(e.value) >= 10 else None
        if ref is not None and (iso is None or (iso[:7] <= ref[:7] if month else iso <= ref)):
            continue
        if ref is None and (iso is not None or not _TOLD_COMING_RE.search(_fold(e.text))):
            # no report date: a day written without its year that the text tells as coming
            # ("ថ្ងៃទី៩ ខែវិច្ឆិកា ខាងមុខ") is upcoming, with no ISO date and its words
            continue
        sent = _sentence_of(sentences, e.start) or (e.start, e.end)
        k = bisect.bisect_right(body_starts, e.start) - 1
        line = body[k] if k >= 0 and body[k][0] <= e.start < body[k][1] else sent
        sent = (max(sent[0], line[0]), min(sent[1], line[1]))
        if _narrated_past(text, sent, e):
            continue
        if month and not _COMING_RE.search(text, sent[0], sent[1]):
            continue  # a month alone is upcoming only when its sentence tells it as coming
        ds = e.start
        # "... មុនម៉ោង ៥ល្ងាច ថ្ងៃទី២២ ...": the clock time belongs to the date
        j = bisect.bisect_left(time_ends, ds + 1) - 1
        if j >= 0:
            x = times[j]
            if sent[0] <= x.start < ds and not _ZW_RE.sub("", text[x.end : ds]).strip(" ,"):
                ds = x.start
        what = _event_text(text, sent, ds, e.end, list_heading.get(line[0]))
        if iso is None:
            rec.upcoming.append(
                {"date": None, "end_date": None, "text": what, "when": _ZW_RE.sub("", e.text)}
            )
            continue
        end = e.value.split("/", 1)[1][:10] if "/" in e.value else None
        if end is not None and (len(end) < 10 or end <= iso):
            end = None
        if month and iso[:4].isdigit() and iso[5:7].isdigit() and 1 <= int(iso[5:7]) <= 12:
            end = f"{iso[:8]}{calendar.monthrange(int(iso[:4]), int(iso[5:7]))[1]:02d}"
        rec.upcoming.append({"date": iso, "end_date": end, "text": what})
    rec.upcoming.sort(key=lambda u: u["date"] or "~")  # (days with no year last)
    return rec
