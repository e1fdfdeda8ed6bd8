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
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sleukrith.entities import Entity

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
        "វីដេអូ",
        "ពីចម្ងាយ",
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
        "ចុះ",
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
        "ប្រកាស",
        "សារាចរ",
        "សេចក្តីណែនាំ",
        "ព្រមាន",
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
    ),
}
_KIND_ORDER = ("video_conference", "incident", "announcement", "ceremony", "visit", "meeting")

_BULLET_RE = re.compile(
    r"^[ \t\u200b]*(?:[\-–—•*✓✔►▪➢➤○●◆◇▶·+]+|(?:ទី)?[0-9០-៩]{1,2}[ \t]*[.)\-/៖:]"
    r"(?![0-9០-៩])|\(\s*[0-9០-៩]{1,2}\s*\)|[កខគឃងចឆជឈញ][ \t]*[.)/](?![0-9០-៩])|"
    r"[a-zA-Z][.)](?=\s))[ \t\u200b]*"
)
_AGENDA_RE = re.compile("របៀបវារៈ|ប្រធានបទ|ពិភាក្សាលើ|ពិភាក្សាអំពី|ចំណុចសំខាន់ៗដែលបានពិភាក្សា|agenda", re.I)
_CHAIR_BEFORE_RE = re.compile(
    "(?:ក្រោមអធិបតីភាព|ក្រោមការដឹកនាំ|ដឹកនាំដោយ|ក្រោមការធ្វើជាអធិបតី|អធិបតីភាព)[ ]?(?:ដ៏ខ្ពង់ខ្ពស់)?[ ]?(?:របស់)?[ ]?$"
)
_CHAIR_AFTER_RE = re.compile(
    "ដឹកនាំ|អធិបតី|ជាប្រធានអង្គ|ប្រធានអង្គប្រជុំ|អញ្ជើញជាអធិបតី|"
    "ជាអធិបតី|បើកកិច្ចប្រជុំ|អញ្ជើញចុះ|ចុះពិនិត្យ|ចុះសួរសុខទុក្ខ|បានអញ្ជើញ"
)
_ATTEND_RE = re.compile("ចូលរួម|សមាសភាព|វត្តមាន|អ្នកចូលរួម|សិក្ខាកាម|ប្រតិភូ")
_NOT_ATTEND = "ចែក|ជូន|ដល់|ស្លាប់|របួស|រងគ្រោះ|ជម្លៀស|ឃាត់ខ្លួន|ចាប់ខ្លួន"
_DIRECTIVE_RE = re.compile(
    "ណែនាំ|សម្រេច|ឯកភាព|ផ្តាំ|បញ្ជា|អនុសាសន៍|ដាក់ចេញ|ស្នើ|អនុម័ត|"
    "ប្រគល់ភារកិច្ច|ចាត់ចែង|វិធានការ|ផ្តល់អនុសាសន៍|ទិសដៅ|ត្រូវ(?!ការ)|សំណូមពរ|"
    "អំពាវនាវ|ចង្អុលបង្ហាញ|បញ្ជាក់ពីចំណុច"
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
    "ក្រោមអធិបតី|បាន|ជាមួយ|នាព្រឹក|នារសៀល|នាល្ងាច|កាលពី|បណ្តាល|ធ្វើឱ្យ|ខណៈ|"
    "ពិធីនេះ|កិច្ចប្រជុំនេះ|ក៏|ដែល"
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


def _heading(folded: str) -> tuple[str | None, str | None]:
    """What the bulleted lines after a paragraph are (topics, decisions or nothing), and the
    first item when it is written on the heading line itself.

    A heading introduces a list: it ends with ៖ or :, or a first item follows its ៖, or it is
    a short line. The cue word must be in the words just before the ៖ (or in the short
    line), not anywhere in a long paragraph ("... ត្រូវ ..." in running text is no heading).
    """
    k = folded.find("៖")
    first = None
    if k >= 0:
        head = folded[:k]
        first = bullet_item(folded[k + 1 :])
        if first is None and folded[k + 1 :].strip(" :​"):
            # text after ៖ that is no item: a heading only if it ends with another ៖/:
            k2 = folded.rstrip().rfind("៖")
            if not folded.rstrip().endswith(("៖", ":")):
                return None, None
            head = folded[:k2]
    elif folded.rstrip().endswith(":") or len(folded) <= 100:
        head = folded.rstrip(" :")
    else:
        return None, None
    cue = head[-90:]
    kind = (
        "topics"
        if _AGENDA_RE.search(cue)
        else "decisions"
        if _DIRECTIVE_RE.search(cue) or _OUTCOME_RE.search(cue)
        else None
    )
    return kind, first


_OUTCOME_RE = re.compile("លទ្ធផល(?:សំខាន់|ដូច|ជាក់ស្តែង|នៃកិច្ចប្រជុំ|ពិភាក្សា)|ចំណុចដែលបាន(?:ឯកភាព|សម្រេច)")


def _kind(title: str, lead: str, rest: str) -> str:
    scores = dict.fromkeys(KINDS, 0.0)
    for kind, cues in _KIND_CUES.items():
        for text, weight in ((title, 3.0), (lead, 2.0), (rest, 0.5)):
            low = text.lower()
            for cue in cues:
                c = low.count(cue)
                if c:
                    # longer cues are more specific
                    scores[kind] += weight * min(c, 3) * (1.0 + len(cue) / 12)
    # "video" only counts for a meeting held over video
    if scores["video_conference"] and not (scores["meeting"] or "ប្រជុំ" in title + lead):
        scores["video_conference"] *= 0.3
    best = max(_KIND_ORDER, key=lambda k: (scores[k], -_KIND_ORDER.index(k)))
    return best if scores[best] > 0 else "other"


def _person_dict(e: Entity) -> dict[str, Any]:
    v = e.value or {}
    return {
        "text": e.text,
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


def _event_text(text: str, sent: tuple[int, int], ds: int, de: int) -> str:
    """What happens on a future date: the event noun phrase next to the date expression."""
    before = _fold(text[sent[0] : ds]).rstrip(" ")
    after = _fold(text[de : sent[1]]).strip(" ")
    item = bullet_item(before)
    if item is not None:
        before = item
    deadline = False
    for _ in range(3):
        for w in (
            "នៅថ្ងៃ",
            "នៅ",
            "នា",
            "ក្នុង",
            "ពី",
            "ថ្ងៃ",
            "គឺ",
            "ចាប់ពី",
            "រហូតដល់",
            "ដល់",
            *_DEADLINE_WORDS,
        ):
            if before.endswith(w):
                before = before[: -len(w)].rstrip(" ")
                deadline = deadline or w in _DEADLINE_WORDS
    if deadline:
        return before[-160:].strip()
    chunk = before.rsplit(" ", 1)[-1] if before else ""
    for noun in _EVENT_NOUNS:
        i = chunk.find(noun)
        if i >= 0:
            return chunk[i:].strip()
    if (
        chunk
        and len(chunk) >= 4
        and not before.endswith(("ថា", "៖"))
        and any("\u1780" <= c <= "\u17ff" for c in chunk)
    ):
        return chunk
    if chunk and not any("\u1780" <= c <= "\u17ff" for c in chunk):
        return before[-80:].strip()  # "... West Ham United នៅ ...": the clause, not a name
    # the date opens the clause: what follows it is what happens
    after = re.split("[។៕;]", after)[0]
    return after[:160].strip() or before[-160:].strip()


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
)
_PLACE_WORDS = ("ភូមិ", "ឃុំ", "សង្កាត់", "ស្រុក", "ខណ្ឌ", "ខេត្ត", "រាជធានី", "ក្រុង", "ប្រទេស", "ទីក្រុង")
_VENUE_START_RE = re.compile(
    "(?:នៅ|នា|ពី|ក្នុង|លើ)[ ]?(?:ក្នុង|លើ)?[ ]?(?=(?:"
    + "|".join(sorted(_VENUE_NOUNS, key=len, reverse=True))
    + "))"
)


def _venue(
    text: str, spans: Sequence[tuple[int, int]], ents: Sequence[Entity]
) -> dict[str, Any] | None:
    """The place phrase of the lead ("នៅសាលប្រជុំសាលាខេត្ត...") with the LOC written in it."""
    for s, e in spans:
        folded = _fold(text[s:e])
        for m in _VENUE_START_RE.finditer(folded):
            stop = _VENUE_STOP_RE.search(folded, m.end())
            end = stop.start() if stop else min(len(folded), m.end() + 120)
            place_text = folded[m.end() : end].strip()
            if len(place_text) < 4 or place_text in _VENUE_NOUNS:
                continue
            locs = [_fold(x.text) for x in ents if x.label == "LOC" and s <= x.start < e]
            if locs and any(place_text.startswith(w) for w in _PLACE_WORDS):
                # "នៅប្រទេសចិនមានទំហំធំ...": a place written alone ends with its address chain
                pos = 0
                while True:
                    nxt = next(
                        (
                            w
                            for w in sorted(locs, key=len, reverse=True)
                            if place_text.startswith(w, pos)
                        ),
                        None,
                    )
                    if nxt is None:
                        break
                    pos += len(nxt)
                    while pos < len(place_text) and place_text[pos] in " ,":
                        pos += 1
                if pos:
                    place_text = place_text[:pos].rstrip(" ,")
            value = None
            for x in ents:
                if x.label == "LOC" and s <= x.start < e and _fold(x.text) in place_text:
                    value = x.value
                    break
            return {"text": place_text, "value": value}
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
    days = [
        e
        for e in entities
        if e.label == "DATE"
        and isinstance(e.value, str)
        and len(e.value) == 10
        and _DAY_TEXT_RE.search(e.text)
    ]
    if kind == "announcement":
        signed = [(s, e) for s, e in body if e - s < 120 and _SIGNED_RE.search(text[s:e])]
        for s, e in signed[:3]:
            for d in days:
                if s <= d.start < e:
                    return d.value
    for s, e in body[:2]:
        for d in days:
            if s <= d.start < e and (ref is None or d.value <= ref):
                before = _fold(text[max(s, d.start - 25) : d.start])
                if re.search("ចេញផ្សាយ|ផ្សព្វផ្សាយនៅ|ចុះហត្ថលេខា", before):
                    continue
                return d.value
    return None


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

    ``paragraphs`` are the content line spans (title and noise already left out).
    """
    title = text[title_span[0] : title_span[1]].strip() if title_span else None
    body = [p for p in paragraphs if p != title_span]
    lead_span = body[0] if body else (0, 0)
    lead = _fold(text[lead_span[0] : lead_span[1]])
    first_sent = _sentence_of(sentences, lead_span[0]) if body else None
    lead_sentence = _fold(text[first_sent[0] : first_sent[1]]) if first_sent else lead
    rest = _fold(" ".join(text[s:e] for s, e in body[:4]))
    rec = Record(title=title)
    rec.kind = _kind(_fold(title or ""), lead_sentence, rest)
    rec.date = _event_date(text, body, entities, report_date, rec.kind)

    removed_sorted = sorted(removed)
    removed_starts = [a for a, _ in removed_sorted]

    def in_body(e: Entity) -> bool:
        i = bisect.bisect_right(removed_starts, e.start) - 1
        return i < 0 or not (removed_sorted[i][0] <= e.start < removed_sorted[i][1])

    ents = [e for e in entities if in_body(e)]
    body_ents = [
        e for e in ents if not title_span or not (title_span[0] <= e.start < title_span[1])
    ]
    # time: a TIME written in the sentence of the event date
    if rec.date is not None:
        day_ent = next((e for e in body_ents if e.label == "DATE" and e.value == rec.date), None)
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
    # place: the venue phrase of the lead paragraph
    rec.place = _venue(text, body[:1], ents)
    # chair: a person introduced as presiding (or, at a meeting, the first person of the lead)
    persons = [e for e in body_ents if e.label == "PERSON"]
    chair: Entity | None = None
    for e in persons:
        before = _fold(text[max(0, e.start - 40) : e.start])
        if _CHAIR_BEFORE_RE.search(before):
            chair = e
            break
    if chair is None:
        for e in persons[:6]:
            sent = _sentence_of(sentences, e.start)
            if not sent:
                continue
            after = _fold(text[e.end : min(sent[1], e.end + 250)])
            if _CHAIR_AFTER_RE.search(after):
                chair = e
                break
    if (
        chair is None
        and persons
        and rec.kind in ("meeting", "video_conference")
        and body
        and body[0][0] <= persons[0].start < body[0][1]
    ):
        chair = persons[0]
    if chair is not None:
        rec.chair = _person_dict(chair)
    seen: set[str] = set()
    if chair is not None:
        seen.add((chair.value or {}).get("name") or chair.text)
    for e in persons:
        key = (e.value or {}).get("name") or e.text
        if key in seen:
            continue
        seen.add(key)
        rec.participants.append(_person_dict(e))
    orgs_seen: set[str] = set()
    for e in ents:
        if e.label == "ORG":
            name = _ZW_RE.sub("", e.text)
            if name not in orgs_seen:
                orgs_seen.add(name)
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
        before = _fold(text[sent[0] : e.start])
        if _ATTEND_RE.search(before) and not re.search(_NOT_ATTEND, before[-40:]):
            v = e.value.get("value")
            if isinstance(v, int | float):
                rec.attendance = int(v)
                break
    # decisions / topics: bulleted lines, by the heading that introduces them
    heading_kind = None
    for s, e in body:
        line = text[s:e]
        item = bullet_item(line)
        if item is None:
            heading_kind, first = _heading(_fold(line))
            if first is None or heading_kind is None:
                continue
            item = first  # "... រួមមាន ៖ +ស្នើសុំ...": the first item on the heading line
        item = _ZW_RE.sub("", item)
        if heading_kind == "topics":
            rec.topics.append(item)
        elif heading_kind == "decisions" or _DIRECTIVE_ITEM_RE.match(item):
            rec.decisions.append(item)
    for s, e in ([title_span] if title_span else []) + list(body[:2]):
        folded = _fold(text[s:e])
        for m in _TOPIC_RE.finditer(folded):
            stop = _TOPIC_STOP_RE.search(folded, m.end())
            end = stop.start() if stop else min(len(folded), m.end() + 120)
            topic = folded[m.end() : end].strip()
            if len(topic) >= 4 and topic not in rec.topics:
                rec.topics.append(topic)
    # upcoming: dates after the report date, with what happens then
    body_starts = [a for a, _ in body]
    if report_date is not None:
        ref = report_date.isoformat()
        for e in body_ents:
            if e.label != "DATE" or not isinstance(e.value, str):
                continue
            iso = e.value[:10]
            if len(iso) < 10 or iso <= ref or not _DAY_TEXT_RE.search(e.text):
                continue
            sent = _sentence_of(sentences, e.start) or (e.start, e.end)
            k = bisect.bisect_right(body_starts, e.start) - 1
            line = body[k] if k >= 0 and body[k][0] <= e.start < body[k][1] else sent
            sent = (max(sent[0], line[0]), min(sent[1], line[1]))
            what = _event_text(text, sent, e.start, e.end)
            rec.upcoming.append({"date": iso, "text": what})
    return rec
