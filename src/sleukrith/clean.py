"""Scraping noise and the title line of a report: what to leave out of the analysed body.

Nothing is deleted from the source: :func:`find_noise` returns :class:`Removal` spans (with a
reason) that the analysis skips, and :func:`find_title` the span of the title line.

    >>> [r.reason for r in find_noise("ព័ត៌មាន។\\nWhatsApp Image 2018-03-02 at 6.43.03 PM\\n")]
    ['image-caption']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sleukrith.chars import require_str

__all__ = [
    "Removal",
    "REASONS",
    "DOC_TYPE_WORDS",
    "find_noise",
    "find_title",
    "is_doc_type_line",
    "line_spans",
    "noise_reason",
]


class Removal(NamedTuple):
    """A span of the source left out of the analysis, and why (one of :data:`REASONS`)."""

    start: int
    end: int
    text: str
    reason: str


REASONS = {
    "image-caption": "an image file name or camera caption (WhatsApp Image ..., IMG_1234.jpg)",
    "photo-credit": "a photo credit, source line or byline",
    "share-widget": "share / like / comment / follow buttons",
    "read-more": "a read-more or related-articles link",
    "navigation": "site navigation, breadcrumbs or tags",
    "url": "a bare web address",
    "hashtag": "a line of hashtags",
    "symbols": "a line with no letters or digits (separators, icons)",
    "advertisement": "an advertisement marker",
}

_IMAGE_RE = re.compile(
    r"(?i)(?:whats\s?app\s+(?:image|video)\b|\b(?:img|dsc|dscn|dcim|pxl|photo|image|screenshot|"
    r"screen\s?shot)[_\- ]?\d{2,}|\.(?:jpe?g|png|gif|webp|heic|bmp|tiff?)\b|"
    r"\b\d{8}_\d{6}\b)"
)
_CREDIT_RE = re.compile(
    r"(?i)^\s*(?:\(?\s*(?:ប្រភព|ដកស្រង់(?:ចេញ)?ពី|រូបភាព|រូបថត|រូប|ថតដោយ|អត្ថបទ|អត្ថបទដោយ|ដោយ|ចងក្រងដោយ|"
    r"រៀបរៀងដោយ|កែសម្រួលដោយ|សម្រួលដោយ|ប្រែសម្រួល|ប្រែសម្រួលដោយ|អត្ថបទផ្ដល់សិទ្ធិដោយ|"
    r"អត្ថបទផ្តល់សិទ្ធិដោយ|photo(?:\s+by)?|photos?|credit|source|image(?:\s+by)?|by)\s*[៖:：\-–]"
    r"|\(\s*(?:ដោយ|កែសម្រួលដោយ|សម្រួលដោយ)\s|អត្ថបទផ្[ដត]ល់សិទ្ធិដោយ|©|\(c\)\s|copyright\b)"
)
# a short "translated/edited/compiled by X" line written without its colon
# ("ប្រែសម្រួលដោយអ្នកស្រី ...")
_CREDIT_NO_COLON_RE = re.compile(r"(?:ប្រែសម្រួល|កែសម្រួល|រៀបរៀង|ចងក្រង)\s*ដោយ\s*\S")
# a wire agency or reporter initials alone on a line ("AFP/SK", "REUTERS", "KC")
_AGENCY_RE = re.compile(
    r"^(?:[A-Z]{1,4}(?:\s*/\s*[A-Z]{1,4})?|AFP/?[A-Z]*|REUTERS|Reuters|Xinhua|"
    r"XINHUA|AP|Kyodo|KYODO|Bernama|BERNAMA)$"
)
_SHARE_WORDS = (
    "share",
    "like",
    "tweet",
    "comment",
    "comments",
    "follow",
    "subscribe",
    "facebook",
    "telegram",
    "twitter",
    "messenger",
    "whatsapp",
    "line",
    "email",
    "print",
    "pinterest",
    "linkedin",
    "youtube",
    "tiktok",
    "ចែករំលែក",
    "ចុចលីក",
    "ចុច like",
    "លីក",
    "ខមមិន",
    "មតិយោបល់",
    "តាមដាន",
    "ចុចទីនេះ",
    "ជាវ",
    "ចូលចិត្ត",
    "save",
    "copy link",
    "views",
    "view",
    "ចំនួនអ្នកអាន",
    "អ្នកអាន",
    "ដង",
    "reaction",
    "reactions",
    "shares",
    "likes",
)
_READ_MORE_RE = re.compile(
    r"(?i)^\s*(?:[»>›\-–•(]\s*)?(?:(?:ចុច)?អានបន្ត|ចុចអាន|អាន\s*[៖:…]|អាន…|"
    r"អានព័ត៌មានបន្ថែម|អានអត្ថបទបន្ថែម|អានបន្ថែម|"
    r"ព័ត៌មានទាក់ទង|អត្ថបទទាក់ទង|ព័ត៌មានពាក់ព័ន្ធ|ព័ត៌មានផ្សេងៗ|read\s+more|continue\s+reading|"
    r"related(?:\s+(?:posts?|articles?|news))?|see\s+also|more\s+news|you\s+may\s+also\s+like|"
    r"(?:សូម)?ទស្សនា(?:រូបភាព|វីដេអូ)[^។]{0,30}$|"
    r"(?:សូម)?ចុច(?:ទៅ)?(?:លើ)?ប្រភពដើម[^។]{0,30}$)"  # "សូមចុចទៅប្រភពដើម VOA ត្រង់នេះ"
)
# a related-articles heading alone on its line (the headlines under it are noise too)
_RELATED_HEADING_RE = re.compile(
    r"(?i)^\s*(?:ព័ត៌មានទាក់ទង|អត្ថបទទាក់ទង|ព័ត៌មានពាក់ព័ន្ធ|ព័ត៌មានផ្សេងៗ|"
    r"related(?:\s+(?:posts?|articles?|news))?|see\s+also|more\s+news|you\s+may\s+also\s+like)"
    r"[\s៖:]*$"
)
_NAV_WORDS_RE = re.compile(
    r"(?i)^\s*[«‹<»›>\-|\s]*(?:ទំព័រដើម|home|menu|ម៉ឺនុយ|search|ស្វែងរក|login|ចូលគណនី|next|"
    r"previous|prev|បន្ទាប់|មុន|ត្រឡប់ក្រោយ|back\s+to\s+top|ត្រឡប់ទៅលើ|top|"
    r"អត្ថបទបន្ទាប់|អត្ថបទមុន|next\s+post|previous\s+post)[\s«‹<»›>\-|]*$"
)
_NAV_RE = re.compile(r"(?i)^\s*(?:tags?|ស្លាក|ប្រភេទ|category|categories|keywords?)\s*[:៖]")
_CRUMB_RE = re.compile(r"\s(?:>|»|›|/|\|)\s")
_URL_LINE_RE = re.compile(
    r"(?i)^\s*(?:(?:https?://|www\.)\S+|\S+\.(?:com|net|org|kh|info|tv|news)"
    r"(?:/\S*)?)\s*$"
)
_HASHTAG_LINE_RE = re.compile(r"^\s*(?:#\S+\s*)+$")
_AD_RE = re.compile(r"(?i)^\s*(?:advertisement|sponsored|ads?|ពាណិជ្ជកម្ម|ផ្សាយពាណិជ្ជកម្ម)\s*$")
_LETTER_RE = re.compile(r"[\w\u1780-\u17ff]")
_ZW_DROP = {ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff"}
_BULLET_ONLY_RE = re.compile(r"^\s*[\-*•·]+\s*$")
# a breadcrumb of two short parts ("ព័ត៌មាន > សេដ្ឋកិច្ច", "News » Sport")
_SHORT_CRUMB_RE = re.compile(r"^[^\s>»›។៕]{1,25}(?: [^\s>»›។៕]{1,25})? (?:>|»|›) [^>»›។៕]{1,40}$")


def line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text`` (line ends and trailing spaces excluded).

    >>> line_spans("ក\\n\\n ខ \\n")
    [(0, 1), (4, 5)]
    """
    require_str(text)
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        end = pos + len(body.rstrip())
        start = pos + (len(body) - len(body.lstrip()))
        if end > start:
            spans.append((start, end))
        pos += len(line)
    return spans


def _is_share_line(line: str) -> bool:
    low = line.lower()
    if len(low) > 80:
        return False
    # every "word" of the line is a widget word, a count or a separator
    tokens = [t for t in re.split(r"[\s|/·•,:៖()\[\]]+", low) if t]
    if not tokens:
        return False
    hits = 0
    for t in tokens:
        if t in _SHARE_WORDS or re.fullmatch(r"[\d\u17e0-\u17e9.,kmK+]+", t):
            hits += 1
        elif any(t.startswith(w) for w in ("ចែករំលែក", "share", "like", "ចុច", "comment")):
            hits += 1
        elif not re.search(r"[\w\u1780-\u17ff]", t):
            hits += 1  # a reaction's icon ("👍 ១២៣   💬 ៤៥")
        else:
            return False
    return hits > 0 and any(not re.fullmatch(r"[\d\u17e0-\u17e9.,kmK+]+", t) for t in tokens)


def noise_reason(line: str) -> str | None:
    """Why a single line is scraping noise, or ``None`` for a content line.

    >>> noise_reason("IMG_1234.jpg"), noise_reason("ខេត្តបាត់ដំបង៖ ថ្ងៃនេះ")
    ('image-caption', None)
    """
    require_str(line)
    s = line.translate(_ZW_DROP).strip()
    if not s:
        return None
    if _BULLET_ONLY_RE.match(s):
        return "symbols"
    if not _LETTER_RE.search(s):
        return "symbols"
    if _URL_LINE_RE.match(s):
        return "url"
    if _HASHTAG_LINE_RE.match(s):
        return "hashtag"
    if _AD_RE.match(s):
        return "advertisement"
    short = len(s) <= 120
    if _IMAGE_RE.search(s) and (short or not re.search("[\u1780-\u17ff]{20,}", s)):
        return "image-caption"
    if short and (_CREDIT_RE.match(s) or _AGENCY_RE.match(s)):
        return "photo-credit"
    if len(s) <= 60 and _CREDIT_NO_COLON_RE.match(s):
        return "photo-credit"
    if short and _READ_MORE_RE.match(s):
        return "read-more"
    if _is_share_line(s):
        return "share-widget"
    if _NAV_WORDS_RE.match(s) or (short and _NAV_RE.match(s)):
        return "navigation"
    if (
        short
        and not re.search("[។៕]", s)
        and (
            len(_CRUMB_RE.findall(s)) >= 2
            or (_CRUMB_RE.search(s) and re.match(r"(?i)\s*(?:ទំព័រដើម|home)\b", s))
        )
    ):
        return "navigation"
    if _SHORT_CRUMB_RE.match(s):
        return "navigation"  # "ព័ត៌មាន > សេដ្ឋកិច្ច": a section and its subsection
    return None


def find_noise(text: str) -> list[Removal]:
    """Every noise line of ``text`` with its reason, in order.

    >>> find_noise("ខ្លឹមសារ\\nប្រភព៖ រដ្ឋបាលខេត្ត\\n")[0].reason
    'photo-credit'
    """
    require_str(text)
    out = []
    spans = line_spans(text)
    for s, e in spans:
        reason = noise_reason(text[s:e])
        if reason:
            out.append(Removal(s, e, text[s:e], reason))
    removed = {(r.start, r.end) for r in out}
    for k, (s, e) in enumerate(spans):
        if (s, e) not in removed or not _RELATED_HEADING_RE.match(text[s:e].translate(_ZW_DROP)):
            continue
        # "ព័ត៌មានទាក់ទង" (related news) alone on its line: the short lines under it, with no
        # sentence end, are the related articles' headlines
        for s2, e2 in spans[k + 1 : k + 11]:
            line = text[s2:e2].translate(_ZW_DROP).strip()
            if (s2, e2) in removed or not line:
                continue
            if len(line) > 120 or line.endswith(("។", "៕", "!", "?")):
                break
            out.append(Removal(s2, e2, text[s2:e2], "read-more"))
            removed.add((s2, e2))
    out.sort(key=lambda r: r.start)
    content = [sp for sp in spans if sp not in removed]
    if len(content) >= 3:
        (ps, pe), (s, e) = content[-2], content[-1]
        if _BYLINE_RE.match(text[s:e].translate(_ZW_DROP)) and text[ps:pe].rstrip(
            " \u200b"
        ).endswith(("៕", "។", "!", "?", ")", "»")):
            # a bare name under the last paragraph: the reporter's byline
            out.append(Removal(s, e, text[s:e], "photo-credit"))
    return out


# one or two short Khmer words alone on the last line
_BYLINE_RE = re.compile("^\\s*[\u1780-\u17dd]{2,12}(?: [\u1780-\u17dd]{2,12})?\\s*$")


_WEB_STAMP_TAIL_RE = re.compile(
    r"[\s\u200b]*\d{1,2}, [A-Z][a-z]{2} \d{4}(?:\s*,\s*\d{1,2}:\d{2}\s*[apAP][mM])?[\s\u200b]*$"
)


def without_web_stamp(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without a web page's publication stamp at its end ("… 22, Oct 2019 , 7:19 pm"),
    which scraped news writes after the headline; the stamp is not part of the title.

    >>> t = "ចំណងជើង 22, Oct 2019 , 7:19 pm"
    >>> t[slice(*without_web_stamp(t, (0, len(t))))]
    'ចំណងជើង'
    """
    s, e = span
    m = _WEB_STAMP_TAIL_RE.search(text, s, e)
    return (s, m.start()) if m and m.start() > s else span


def find_title(text: str, removals: list[Removal] | None = None) -> tuple[int, int] | None:
    """Span of the title: the first content line, when more content follows and it is short.

    >>> find_title("ចំណងជើង\\nអត្ថបទ។")
    (0, 7)
    """
    require_str(text)
    if removals is None:
        removals = find_noise(text)
    removed = {(r.start, r.end) for r in removals}
    content = [span for span in line_spans(text) if span not in removed]
    if len(content) < 2:
        return None
    s, e = content[0]
    line = text[s:e]
    if e - s > 300:
        return None
    # a dateline ("ខេត្តបាត់ដំបង៖ ...") or a bulleted item starts the body, not a title
    if re.match(r"^\s*[\-*•]", line):
        return None
    if len(content) >= 3 and is_doc_type_line(line):
        # "សេចក្តីជូនដំណឹង" over "ស្តីពី...": the subject line says what the document is about
        s2, e2 = content[1]
        if e2 - s2 <= 300 and _SUBJECT_RE.match(text[s2:e2].translate(_ZW_DROP)):
            return s2, e2
    return s, e


#: words that name the kind of document, written alone on the first line above its subject
DOC_TYPE_WORDS = (
    "សេចក្តីជូនដំណឹង",
    "ការជូនដំណឹង",
    "សេចក្តីប្រកាសព័ត៌មាន",
    "សេចក្តីប្រកាស",
    "ប្រកាសព័ត៌មាន",
    "សេចក្តីថ្លែងការណ៍ព័ត៌មាន",
    "សេចក្តីថ្លែងការណ៍",
    "សេចក្តីអំពាវនាវ",
    "សេចក្តីណែនាំ",
    "សេចក្តីសម្រេច",
    "សារាចរណែនាំ",
    "សារាចរ",
    "របាយការណ៍សង្ខេប",
    "របាយការណ៍",
    "លិខិតអញ្ជើញ",
    "លិខិតជូនដំណឹង",
    "លិខិត",
)
_DOC_TYPE_RE = re.compile(
    "^(?:" + "|".join(sorted(DOC_TYPE_WORDS, key=len, reverse=True)) + ")[\\s៖:.!]*$"
)
_SUBJECT_RE = re.compile(r"^\s*(?:ស្[តដ]ីពី|ស្[តដ]ីអំពី|អំពី)")


def is_doc_type_line(line: str) -> bool:
    """True when ``line`` is only a document-type word ("សេចក្តីជូនដំណឹង", "របាយការណ៍", ...),
    the heading of a document whose subject follows on the next line.

    >>> is_doc_type_line("សេចក្ដីជូនដំណឹង"), is_doc_type_line("សេចក្តីជូនដំណឹងស្តីពីការប្រឡង")
    (True, False)
    """
    require_str(line)
    folded = line.translate(_ZW_DROP).strip().replace("\u17d2\u178a", "\u17d2\u178f")
    return bool(_DOC_TYPE_RE.match(folded))
