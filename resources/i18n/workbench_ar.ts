<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>EntityChips</name>
    <message>
        <source>Only articles mentioning:</source>
        <translation>فقط المقالات التي تذكر:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>Show articles regardless of entities</source>
        <translation>عرض المقالات دون تقييد بالكيانات</translation>
    </message>
    <message>
        <source>{name}: click to remove this filter</source>
        <translation>{name}: انقر لإزالة هذا المرشّح</translation>
    </message>
</context>
<context>
    <name>EntitySidebar</name>
    <message>
        <source>Count in the results</source>
        <translation>العدّ في النتائج</translation>
    </message>
    <message>
        <source>Count in the whole corpus</source>
        <translation>العدّ في المدونة كلها</translation>
    </message>
    <message>
        <source>Count entities in the articles of the current search</source>
        <translation>عدّ الكيانات في مقالات البحث الحالي</translation>
    </message>
    <message>
        <source>Count entities in every article of the corpus</source>
        <translation>عدّ الكيانات في كل مقالات المدونة</translation>
    </message>
    <message>
        <source>Filter by name or alias</source>
        <translation>تصفية بالاسم أو بصيغة أخرى له</translation>
    </message>
    <message>
        <source>Click to add to the entity filter</source>
        <translation>انقر لإضافته إلى مرشّح الكيانات</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>دمج في…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <source>Merge {count} entities…</source>
        <translation>دمج الكيانات المحددة ({count})…</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>تغيير النوع</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>إخفاء</translation>
    </message>
    <message>
        <source>Hide {count} entities</source>
        <translation>إخفاء الكيانات المحددة ({count})</translation>
    </message>
    <message>
        <source>A wrong entity: leave it out of lists, filters and highlights</source>
        <translation>كيان خاطئ: استبعده من القوائم والمرشّحات والتظليل</translation>
    </message>
    <message>
        <source>Show aliases</source>
        <translation>عرض الصيغ الأخرى</translation>
    </message>
    <message>
        <source>{count} entities</source>
        <translation>الكيانات: {count}</translation>
    </message>
    <message>
        <source>{shown} of {count} entities</source>
        <translation>الكيانات: {shown} من {count}</translation>
    </message>
    <message>
        <source>Select an entity to see who and what appears with it.</source>
        <translation>اختر كيانًا لعرض الكيانات التي ترد معه.</translation>
    </message>
    <message>
        <source>Appears most with {name}:</source>
        <translation>الأكثر ورودًا مع {name}:</translation>
    </message>
    <message>
        <source>{name}  ({count} articles)</source>
        <translation>{name}  (المقالات: {count})</translation>
    </message>
    <message>
        <source>Merge entities</source>
        <translation>دمج الكيانات</translation>
    </message>
    <message>
        <source>Merge “{name}” into:</source>
        <translation>دمج «{name}» في:</translation>
    </message>
    <message>
        <source>Keep which entity (its name and type)?</source>
        <translation>أي كيان يُبقى عليه (باسمه ونوعه)؟</translation>
    </message>
    <message>
        <source>Rename entity</source>
        <translation>إعادة تسمية الكيان</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>الاسم الجديد لـ«{name}»:</translation>
    </message>
    <message>
        <source>Aliases of {name}</source>
        <translation>الصيغ الأخرى لـ{name}</translation>
    </message>
    <message>
        <source>“{name}” is also written:</source>
        <translation>يُكتب «{name}» أيضًا:</translation>
    </message>
</context>
<context>
    <name>EntityTreeModel</name>
    <message>
        <source>Entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>الإشارات</translation>
    </message>
    <message>
        <source>Articles that mention the entity</source>
        <translation>المقالات التي تذكر الكيان</translation>
    </message>
    <message>
        <source>Times the entity is mentioned</source>
        <translation>عدد مرات ذكر الكيان</translation>
    </message>
    <message>
        <source>{articles} articles, {mentions} mentions</source>
        <translation>المقالات: {articles}، الإشارات: {mentions}</translation>
    </message>
    <message>
        <source>Also written: {aliases}</source>
        <translation>يُكتب أيضًا: {aliases}</translation>
    </message>
    <message>
        <source>{type} ({count})</source>
        <translation>{type} (العدد: {count})</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>منظمة</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>غير ذلك</translation>
    </message>
</context>
<context>
    <name>IndexingPanel</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Indexing {corpus}…</source>
        <translation>جارٍ فهرسة {corpus}…</translation>
    </message>
    <message>
        <source>Scanning files…</source>
        <translation>جارٍ فحص الملفات…</translation>
    </message>
    <message>
        <source>{done} / {total} files</source>
        <translation>{done} / {total} ملف</translation>
    </message>
    <message>
        <source>{rate} articles/s</source>
        <translation>{rate} مقالة/ث</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>المتبقي {time}</translation>
    </message>
    <message>
        <source>saving the index…</source>
        <translation>جارٍ حفظ الفهرس…</translation>
    </message>
    <message>
        <source>grouping the spellings of entities…</source>
        <translation>جارٍ تجميع تهجئات الكيانات…</translation>
    </message>
    <message>
        <source>Cancelling, keeping the work done so far…</source>
        <translation>جارٍ الإلغاء مع الاحتفاظ بما أُنجز حتى الآن…</translation>
    </message>
    <message>
        <source>Skipped files: {count}</source>
        <translation>الملفات المتخطاة: {count}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>No corpus open</source>
        <translation>لا توجد مدونة مفتوحة</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Open corpus folder…</source>
        <translation>&amp;فتح مجلد مدونة…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>المفتوحة &amp;مؤخرًا</translation>
    </message>
    <message>
        <source>&amp;Update index</source>
        <translation>&amp;تحديث الفهرس</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;بحث</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;بحث في المدونة</translation>
    </message>
    <message>
        <source>Search &amp;syntax</source>
        <translation>&amp;صيغة البحث</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Entities</source>
        <translation>&amp;الكيانات</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;الإعدادات…</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>مسح القائمة</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>جارٍ الفتح…</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>جارٍ الفهرسة…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Open a corpus folder first (File ▸ Open corpus folder…).</source>
        <translation>افتح مجلد مدونة أولًا (ملف ◂ فتح مجلد مدونة…).</translation>
    </message>
    <message>
        <source>Searching what is indexed so far…</source>
        <translation>جارٍ البحث فيما فُهرس حتى الآن…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Details were saved to {path}</source>
        <translation>حدث خطأ غير متوقع. حُفظت التفاصيل في {path}</translation>
    </message>
    <message>
        <source>The new interface language will be used the next time you start the workbench.</source>
        <translation>ستُستخدم لغة الواجهة الجديدة عند تشغيل منصة العمل في المرة القادمة.</translation>
    </message>
    <message>
        <source>Corpus: {name}</source>
        <translation>المدونة: {name}</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} مقالة</translation>
    </message>
    <message>
        <source>Arabic News Workbench</source>
        <translation>منصة بحث الأخبار العربية</translation>
    </message>
    <message>
        <source>The disk is full, so the index could not be saved. Free some space, then update the index.</source>
        <translation>القرص ممتلئ، لذا تعذّر حفظ الفهرس. أفرغ بعض المساحة ثم حدّث الفهرس.</translation>
    </message>
    <message>
        <source>Could not read or write {path}: {reason}</source>
        <translation>تعذّرت القراءة من {path} أو الكتابة فيه: {reason}</translation>
    </message>
    <message>
        <source>The index was rebuilt: {reason}</source>
        <translation>أُعيد بناء الفهرس: {reason}</translation>
    </message>
    <message>
        <source>{count} files could not be indexed; see the list of skipped files below.</source>
        <translation>تعذّرت فهرسة {count} ملف؛ انظر قائمة الملفات المتخطاة في الأسفل.</translation>
    </message>
    <message>
        <source>Indexing cancelled: partial index</source>
        <translation>أُلغيت الفهرسة: الفهرس جزئي</translation>
    </message>
    <message>
        <source>Indexing was cancelled. The {count} articles indexed so far can be searched; update the index to finish.</source>
        <translation>أُلغيت الفهرسة. يمكن البحث في {count} مقالة فُهرست حتى الآن؛ حدّث الفهرس لإكمالها.</translation>
    </message>
    <message>
        <source>Index up to date</source>
        <translation>الفهرس محدَّث</translation>
    </message>
    <message>
        <source>Indexed in {seconds} s: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged.</source>
        <translation>اكتملت الفهرسة في {seconds} ث: أُضيف {added}، وتغيّر {changed}، وحُذف {removed}، ولم يتغيّر {unchanged}.</translation>
    </message>
    <message>
        <source>Indexing failed</source>
        <translation>فشلت الفهرسة</translation>
    </message>
    <message>
        <source>{count} articles match “{query}”</source>
        <translation>{count} مقالة تطابق «{query}»</translation>
    </message>
    <message>
        <source>Index open</source>
        <translation>الفهرس مفتوح</translation>
    </message>
    <message>
        <source>Open corpus folder</source>
        <translation>فتح مجلد مدونة</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <source>Open containing folder</source>
        <translation>فتح المجلد الحاوي</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>المطابقة السابقة</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>المطابقة التالية</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>حجم النص:</translation>
    </message>
    <message>
        <source>Entities:</source>
        <translation>الكيانات:</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>لا توجد مقالة مفتوحة</translation>
    </message>
    <message>
        <source>Match {current} of {total}</source>
        <translation>المطابقة {current} من {total}</translation>
    </message>
    <message>
        <source>No matches in this article</source>
        <translation>لا توجد مطابقات في هذه المقالة</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>المقتطف</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the corpus, e.g. لافروف حلب  (Ctrl+F)</source>
        <translation>ابحث في المدونة، مثلًا: لافروف حلب  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>صيغة البحث</translation>
    </message>
    <message>
        <source>Only articles from this source</source>
        <translation>المقالات من هذا المصدر فقط</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>من YYYY-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>إلى YYYY-MM-DD</translation>
    </message>
    <message>
        <source>All words</source>
        <translation>كل الكلمات</translation>
    </message>
    <message>
        <source>Any word</source>
        <translation>أي كلمة</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>الصلة</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>الأحدث أولًا</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>المصدر:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>التاريخ:</translation>
    </message>
    <message>
        <source>Match:</source>
        <translation>المطابقة:</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>الترتيب:</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>من {date}</translation>
    </message>
    <message>
        <source>to {date}</source>
        <translation>إلى {date}</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} مقالة</translation>
    </message>
    <message>
        <source>also matched: {variants}</source>
        <translation>طوبقت أيضًا: {variants}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>A new interface language takes effect the next time the workbench starts.</source>
        <translation>تسري لغة الواجهة الجديدة عند تشغيل منصة العمل في المرة القادمة.</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <source>Reader text size:</source>
        <translation>حجم نص القارئ:</translation>
    </message>
</context>
<context>
    <name>SyntaxHelp</name>
    <message>
        <source>all words must match (the default)</source>
        <translation>يجب أن تطابق كل الكلمات (الافتراضي)</translation>
    </message>
    <message>
        <source>exact phrase</source>
        <translation>عبارة مطابقة تمامًا</translation>
    </message>
    <message>
        <source>either word</source>
        <translation>أيٌّ من الكلمتين</translation>
    </message>
    <message>
        <source>exclude a word</source>
        <translation>استبعاد كلمة</translation>
    </message>
    <message>
        <source>group with parentheses</source>
        <translation>التجميع بالأقواس</translation>
    </message>
    <message>
        <source>prefix: words starting with</source>
        <translation>بادئة: الكلمات التي تبدأ بـ</translation>
    </message>
    <message>
        <source>fuzzy: near spellings</source>
        <translation>تقريبي: تهجئات قريبة</translation>
    </message>
    <message>
        <source>search only the title or a source</source>
        <translation>البحث في العنوان أو في مصدر معيّن فقط</translation>
    </message>
    <message>
        <source>articles dated in a range</source>
        <translation>المقالات المؤرخة ضمن مدة</translation>
    </message>
    <message>
        <source>Spelling variants (hamza, taa marbuta, alef maqsura, transliterations) are matched automatically.</source>
        <translation>تُطابَق صور الكتابة المختلفة تلقائيًا (الهمزة، والتاء المربوطة، والألف المقصورة، وتهجئات الأسماء الأجنبية).</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>صيغة البحث</translation>
    </message>
</context>
<context>
    <name>_Message</name>
    <message>
        <source>Dismiss</source>
        <translation>إغلاق</translation>
    </message>
</context>
</TS>
