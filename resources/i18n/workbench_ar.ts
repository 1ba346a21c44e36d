<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>There is no entity &apos;{entity_id}&apos; in this corpus (any more): list the entities again and use an id from the list.</source>
        <translation>لا يوجد كيان &apos;{entity_id}&apos; في هذه المدوّنة (لم يعد موجودًا): اعرض قائمة الكيانات من جديد واستخدم معرّفًا منها.</translation>
    </message>
    <message>
        <source>&apos;{alias}&apos; is not a spelling of {name}: split one of {spellings}.</source>
        <translation>&apos;{alias}&apos; ليست من تهجئات {name}: افصل إحدى التهجئات التالية: {spellings}.</translation>
    </message>
    <message>
        <source>An entity name cannot be empty: type the name to show.</source>
        <translation>لا يمكن أن يكون اسم الكيان فارغًا: اكتب الاسم الذي تريد عرضه.</translation>
    </message>
    <message>
        <source>An entity name needs at least one word: type the name.</source>
        <translation>يحتاج اسم الكيان إلى كلمة واحدة على الأقل: اكتب الاسم.</translation>
    </message>
    <message>
        <source>Unknown entity type &apos;{type}&apos;: use one of {types}.</source>
        <translation>نوع كيان غير معروف &apos;{type}&apos;: استخدم أحد الأنواع التالية: {types}.</translation>
    </message>
    <message>
        <source>The indexing process stopped unexpectedly (exit code {code}); the index keeps what was saved. Update the index to go on.</source>
        <translation>توقفت عملية الفهرسة على نحو غير متوقع (رمز الخروج {code})؛ يحتفظ الفهرس بما حُفظ. حدّث الفهرس للمتابعة.</translation>
    </message>
    <message>
        <source>The corpus folder {folder} does not exist: check the path or open another folder.</source>
        <translation>مجلد المدوّنة {folder} غير موجود: تحقق من المسار أو افتح مجلدًا آخر.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder: open the folder that contains the articles.</source>
        <translation>{folder} ملف وليس مجلدًا: افتح المجلد الذي يحتوي على المقالات.</translation>
    </message>
    <message>
        <source>Cannot create the index folder {folder} ({reason}): make it writable or set WORKBENCH_HOME to another folder.</source>
        <translation>تعذّر إنشاء مجلد الفهرس {folder} ({reason}): اجعله قابلًا للكتابة أو اضبط WORKBENCH_HOME على مجلد آخر.</translation>
    </message>
    <message>
        <source>Another workbench process is updating the index of {corpus}: wait for it to finish, then try again.</source>
        <translation>هناك عملية أخرى من منصة العمل تحدّث فهرس {corpus}: انتظر حتى تنتهي ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Could not save the index in {folder} ({reason}): free disk space or fix permissions, then index again. The previous index is intact.</source>
        <translation>تعذّر حفظ الفهرس في {folder} ({reason}): وفّر مساحة على القرص أو أصلح الأذونات، ثم أعد الفهرسة. الفهرس السابق سليم.</translation>
    </message>
    <message>
        <source>Some metadata overrides were not applied. {problems}</source>
        <translation>لم تُطبَّق بعض تصحيحات البيانات الوصفية. {problems}</translation>
    </message>
    <message>
        <source>Corpus folder not found: {folder}. Check the path, or choose another folder.</source>
        <translation>لم يُعثر على مجلد المدوّنة: {folder}. تحقق من المسار أو اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>Not a folder: {folder}. Choose the folder that holds the articles, not a single file.</source>
        <translation>ليس مجلدًا: {folder}. اختر المجلد الذي يضم المقالات، لا ملفًا واحدًا.</translation>
    </message>
    <message>
        <source>Permission denied for corpus folder {folder}. Give your user read access to it, or copy the articles to a folder you own.</source>
        <translation>لا يوجد إذن بالوصول إلى مجلد المدوّنة {folder}. امنح مستخدمك إذن القراءة، أو انسخ المقالات إلى مجلد تملكه.</translation>
    </message>
    <message>
        <source>Permission denied for corpus folder {folder}. Give your user read access to it.</source>
        <translation>لا يوجد إذن بالوصول إلى مجلد المدوّنة {folder}. امنح مستخدمك إذن القراءة.</translation>
    </message>
    <message>
        <source>This folder cannot be opened (permission denied); its files were not read. Give your user read access to it.</source>
        <translation>تعذّر فتح هذا المجلد (لا يوجد إذن)؛ لم تُقرأ ملفاته. امنح مستخدمك إذن القراءة.</translation>
    </message>
    <message>
        <source>Corpus folder vanished while scanning: {folder}. Check that the drive is still connected.</source>
        <translation>اختفى مجلد المدوّنة أثناء المسح: {folder}. تحقق من أن القرص ما زال متصلًا.</translation>
    </message>
    <message>
        <source>This folder disappeared while the corpus was scanned. Scan again.</source>
        <translation>اختفى هذا المجلد أثناء مسح المدوّنة. أعد المسح.</translation>
    </message>
    <message>
        <source>This file type is not supported; use one of {suffixes}.</source>
        <translation>نوع الملف هذا غير مدعوم؛ استخدم أحد الأنواع التالية: {suffixes}.</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>هذا مجلد وليس ملفًا.</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation>الملف فارغ (0 بايت).</translation>
    </message>
    <message>
        <source>convert it to JSON Lines (.jsonl), which is streamed</source>
        <translation>حوّله إلى JSON Lines ‏(.jsonl) الذي يُقرأ سطرًا سطرًا</translation>
    </message>
    <message>
        <source>split it into smaller files</source>
        <translation>قسّمه إلى ملفات أصغر</translation>
    </message>
    <message>
        <source>no article is this long; check that it belongs here</source>
        <translation>لا توجد مقالة بهذا الطول؛ تحقق من أن الملف في مكانه الصحيح</translation>
    </message>
    <message>
        <source>The file is {size}, over the {limit} limit for this format: {advice}.</source>
        <translation>حجم الملف {size}، وهو أكبر من الحد المسموح به لهذه الصيغة ({limit}): {advice}.</translation>
    </message>
    <message>
        <source>Permission denied: this file cannot be read. Give your user read access to it.</source>
        <translation>لا يوجد إذن: تعذّرت قراءة هذا الملف. امنح مستخدمك إذن القراءة.</translation>
    </message>
    <message>
        <source>The file was moved or deleted while the corpus was being read. Scan the corpus again.</source>
        <translation>نُقل الملف أو حُذف أثناء قراءة المدوّنة. أعد مسح المدوّنة.</translation>
    </message>
    <message>
        <source>The file could not be read ({error}). Check that its drive is still connected, then scan again.</source>
        <translation>تعذّرت قراءة الملف ({error}). تحقق من أن القرص ما زال متصلًا، ثم أعد المسح.</translation>
    </message>
    <message>
        <source>This is a binary file, not text (it contains NUL bytes). If it is UTF-16 text without a byte-order mark, re-save it as UTF-8.</source>
        <translation>هذا ملف ثنائي وليس نصًا (يحتوي على بايتات NUL). إن كان نصًا بترميز UTF-16 بلا علامة ترتيب البايتات، فاحفظه من جديد بترميز UTF-8.</translation>
    </message>
    <message>
        <source>This looks like a binary file, not text (it is full of control characters). Export the document as plain UTF-8 text.</source>
        <translation>يبدو هذا ملفًا ثنائيًا وليس نصًا (مليء بمحارف التحكم). صدّر المستند نصًا عاديًا بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The text encoding is not UTF-8 and does not look like Arabic Windows-1256. Open the file in a text editor and save it as UTF-8.</source>
        <translation>ترميز النص ليس UTF-8 ولا يبدو ترميز Windows-1256 العربي. افتح الملف في محرر نصوص واحفظه بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The file starts with a {encoding} byte-order mark but is not valid {encoding} (byte {offset}). Re-save it as UTF-8.</source>
        <translation>يبدأ الملف بعلامة ترتيب بايتات {encoding} لكنه ليس {encoding} صالحًا (البايت {offset}). احفظه من جديد بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The file has no text (it is empty or only whitespace).</source>
        <translation>لا يحتوي الملف على نص (فارغ أو مسافات فقط).</translation>
    </message>
    <message>
        <source>This is a binary file, not JSON Lines text (it contains NUL bytes). Export it as UTF-8 JSONL.</source>
        <translation>هذا ملف ثنائي وليس نص JSON Lines (يحتوي على بايتات NUL). صدّره بصيغة JSONL بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The compressed file is damaged ({error}). Re-create it or decompress it to .jsonl.</source>
        <translation>الملف المضغوط تالف ({error}). أعد إنشاءه أو فكّ ضغطه إلى ‎.jsonl.</translation>
    </message>
    <message>
        <source>{bad} of {lines} lines are not JSON objects (first at record {first}); this is not a JSON Lines file. Write one JSON object per line, in UTF-8.</source>
        <translation>{bad} من أصل {lines} سطرًا ليست كائنات JSON (أولها في السجل {first})؛ هذا ليس ملف JSON Lines. اكتب كائن JSON واحدًا في كل سطر، بترميز UTF-8.</translation>
    </message>
    <message>
        <source>This is a binary file, not JSON text (it contains NUL bytes). Export it as UTF-8 JSON.</source>
        <translation>هذا ملف ثنائي وليس نص JSON (يحتوي على بايتات NUL). صدّره بصيغة JSON بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The JSON file is not UTF-8. Re-save it as UTF-8.</source>
        <translation>ملف JSON ليس بترميز UTF-8. احفظه من جديد بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The file is not valid JSON ({error}). Fix it or export it again.</source>
        <translation>الملف ليس JSON صالحًا ({error}). أصلحه أو صدّره من جديد.</translation>
    </message>
    <message>
        <source>The JSON holds no articles: expected an array of objects with a content/text/body field. Export the articles again.</source>
        <translation>لا يحتوي ملف JSON على مقالات: المتوقع مصفوفة كائنات فيها حقل content أو text أو body. صدّر المقالات من جديد.</translation>
    </message>
    <message>
        <source>The CSV file changes encoding part-way ({error}). Re-save it as UTF-8.</source>
        <translation>يتغير ترميز ملف CSV في منتصفه ({error}). احفظه من جديد بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The CSV file is malformed ({error}). Fix the row or export it again.</source>
        <translation>ملف CSV غير سليم البنية ({error}). أصلح الصف أو صدّر الملف من جديد.</translation>
    </message>
    <message>
        <source>The CSV header has no text column: name the column holding the article text one of {names}.</source>
        <translation>لا يحتوي رأس ملف CSV على عمود للنص: سمِّ العمود الذي يحمل نص المقالة باسم من هذه الأسماء: {names}.</translation>
    </message>
    <message>
        <source>This is a binary file, not CSV text (it contains NUL bytes). Export it as UTF-8 CSV.</source>
        <translation>هذا ملف ثنائي وليس نص CSV (يحتوي على بايتات NUL). صدّره بصيغة CSV بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The CSV encoding is not UTF-8 and does not look like Arabic Windows-1256. Re-save it as UTF-8 (in Excel: CSV UTF-8).</source>
        <translation>ترميز ملف CSV ليس UTF-8 ولا يبدو ترميز Windows-1256 العربي. احفظه من جديد بترميز UTF-8 (في Excel: ‏CSV UTF-8).</translation>
    </message>
    <message>
        <source>No article to read: none of its {records} records has a content/text/body field.</source>
        <translation>لا توجد مقالة للقراءة: لا يحتوي أي من سجلاته ({records}) على حقل content أو text أو body.</translation>
    </message>
    <message>
        <source>No article to read: it has no records with a content/text/body field.</source>
        <translation>لا توجد مقالة للقراءة: ليس فيه سجلات تحتوي على حقل content أو text أو body.</translation>
    </message>
    <message>
        <source>It cannot be read ({reason}): check its permissions.</source>
        <translation>تعذّرت قراءته ({reason}): تحقق من أذوناته.</translation>
    </message>
    <message>
        <source>It is not valid CSV ({error}): fix it in a spreadsheet.</source>
        <translation>ليس CSV صالحًا ({error}): أصلحه في برنامج جداول بيانات.</translation>
    </message>
    <message>
        <source>It has no &apos;path&apos; column: its first row must name the columns path,title,source,date,url,author.</source>
        <translation>لا يحتوي على عمود &apos;path&apos;: يجب أن يسمّي صفه الأول الأعمدة path,title,source,date,url,author.</translation>
    </message>
    <message>
        <source>Row {row}: &apos;{value}&apos; is not a date (write 2016-11-03); that cell was ignored.</source>
        <translation>الصف {row}: &apos;{value}&apos; ليس تاريخًا (اكتب 2016-11-03)؛ تم تجاهل تلك الخلية.</translation>
    </message>
    <message>
        <source>The query has no searchable words: type at least one word, phrase or field.</source>
        <translation>لا يحتوي الاستعلام على كلمات قابلة للبحث: اكتب كلمة أو عبارة أو حقلًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <source>Unknown sort order &apos;{sort}&apos;: use one of {orders}.</source>
        <translation>ترتيب غير معروف &apos;{sort}&apos;: استخدم أحد الخيارات التالية: {orders}.</translation>
    </message>
    <message>
        <source>Missing closing quote for the phrase that starts at character {position}: close it with &quot; to search an exact phrase.</source>
        <translation>تنقص علامة الاقتباس الختامية للعبارة التي تبدأ عند المحرف {position}: أغلقها بعلامة &quot; للبحث عن العبارة بنصها.</translation>
    </message>
    <message>
        <source>The query is empty: type one or more words to search for.</source>
        <translation>الاستعلام فارغ: اكتب كلمة أو أكثر للبحث عنها.</translation>
    </message>
    <message>
        <source>Unexpected closing parenthesis at character {position}: remove it or add a matching &apos;(&apos;.</source>
        <translation>قوس إغلاق غير متوقع عند المحرف {position}: احذفه أو أضف قوس فتح &apos;(&apos; مقابلًا له.</translation>
    </message>
    <message>
        <source>&apos;{operator}&apos; at character {position} needs a word after it.</source>
        <translation>يحتاج &apos;{operator}&apos; عند المحرف {position} إلى كلمة بعده.</translation>
    </message>
    <message>
        <source>&apos;{operator}&apos; at character {position} needs a word to exclude after it.</source>
        <translation>يحتاج &apos;{operator}&apos; عند المحرف {position} إلى كلمة بعده لاستبعادها.</translation>
    </message>
    <message>
        <source>The query ends too early: add a word after the last operator.</source>
        <translation>ينتهي الاستعلام قبل أوانه: أضف كلمة بعد آخر عامل.</translation>
    </message>
    <message>
        <source>Missing closing parenthesis for &apos;(&apos; at character {position}.</source>
        <translation>ينقص قوس الإغلاق للقوس &apos;(&apos; عند المحرف {position}.</translation>
    </message>
    <message>
        <source>Empty parentheses at character {position}: put words inside them.</source>
        <translation>قوسان فارغان عند المحرف {position}: ضع كلمات بينهما.</translation>
    </message>
    <message>
        <source>&apos;{field}:&apos; at character {position} is inside another field.</source>
        <translation>&apos;{field}:&apos; عند المحرف {position} داخل حقل آخر.</translation>
    </message>
    <message>
        <source>&apos;{field}:&apos; at character {position} needs a value, for example {example}.</source>
        <translation>يحتاج &apos;{field}:&apos; عند المحرف {position} إلى قيمة، مثل {example}.</translation>
    </message>
    <message>
        <source>&apos;{operator}&apos; at character {position} needs a word before it.</source>
        <translation>يحتاج &apos;{operator}&apos; عند المحرف {position} إلى كلمة قبله.</translation>
    </message>
    <message>
        <source>date: at character {position} takes a date or range such as {example}.</source>
        <translation>يقبل date: عند المحرف {position} تاريخًا أو مدى مثل {example}.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; at character {position} is a wildcard without a word: write the beginning of a word before *, e.g. لافرو*.</source>
        <translation>&apos;{text}&apos; عند المحرف {position} رمز بدل بلا كلمة: اكتب بداية كلمة قبل *، مثل لافرو*.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: fuzzy distance must be 1 or 2 (word~ or word~2).</source>
        <translation>&apos;{text}&apos;: يجب أن تكون مسافة التقريب 1 أو 2 (كلمة~ أو كلمة~2).</translation>
    </message>
    <message>
        <source>Unknown match mode &apos;{match}&apos;: use &apos;all&apos; or &apos;any&apos;.</source>
        <translation>نمط مطابقة غير معروف &apos;{match}&apos;: استخدم &apos;all&apos; أو &apos;any&apos;.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date range: write date:YYYY-MM-DD..YYYY-MM-DD (either side may be YYYY or YYYY-MM, or left empty).</source>
        <translation>&apos;{text}&apos; ليس مدى تاريخيًا: اكتب date:YYYY-MM-DD..YYYY-MM-DD (يمكن أن يكون أي طرف YYYY أو YYYY-MM أو أن يُترك فارغًا).</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: month {month} does not exist.</source>
        <translation>&apos;{text}&apos;: الشهر {month} غير موجود.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: day {day} does not exist in {month}.</source>
        <translation>&apos;{text}&apos;: اليوم {day} غير موجود في {month}.</translation>
    </message>
    <message>
        <source>date:.. needs at least one date, e.g. date:2016-11-01..</source>
        <translation>يحتاج date:.. إلى تاريخ واحد على الأقل، مثل date:2016-11-01..</translation>
    </message>
    <message>
        <source>date:{value} ends before it starts: put the earlier date first.</source>
        <translation>date:{value} ينتهي قبل أن يبدأ: ضع التاريخ الأقدم أولًا.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of the workbench (store format {version}, this version reads up to {supported}): update the workbench.</source>
        <translation>كُتب {path} بإصدار أحدث من منصة العمل (صيغة المخزن {version}، وهذا الإصدار يقرأ حتى {supported}): حدّث منصة العمل.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Arabic News Workbench</source>
        <translation>حول منصة بحث الأخبار العربية</translation>
    </message>
    <message>
        <source>About</source>
        <translation>حول البرنامج</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>التراخيص</translation>
    </message>
    <message>
        <source>Arabic News Workbench</source>
        <translation>منصة بحث الأخبار العربية</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>الإصدار {version}</translation>
    </message>
    <message>
        <source>Arabic-aware search, reading and entities for folders of news articles, on your own computer, without a network connection.</source>
        <translation>بحث يراعي خصائص العربية، وقراءة، واستخراج للكيانات في مجلدات المقالات الإخبارية، على حاسوبك ودون اتصال بالشبكة.</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>فتح مجلد البيانات</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>بياناتك</translation>
    </message>
    <message>
        <source>For non-commercial use only. This copy includes word lists derived from the SaudiNewsNet corpus, which is licensed CC BY-NC-SA 4.0: it may be used and shared only for non-commercial purposes, with attribution and under the same licence. See Licences.</source>
        <translation>للاستخدام غير التجاري فقط. تتضمن هذه النسخة قوائم كلمات مشتقة من مدونة SaudiNewsNet المرخّصة بموجب CC BY-NC-SA 4.0: لا يجوز استخدامها ومشاركتها إلا لأغراض غير تجارية، مع نسبة العمل إلى أصحابه وبموجب الترخيص نفسه. انظر التراخيص.</translation>
    </message>
    <message>
        <source>Portable mode: the file {marker} next to the program keeps all data in this folder, beside the program.</source>
        <translation>الوضع المحمول: وجود الملف {marker} بجوار البرنامج يجعل كل البيانات تُحفظ في هذا المجلد، بجوار البرنامج.</translation>
    </message>
    <message>
        <source>Chosen with WORKBENCH_HOME or --home.</source>
        <translation>اختير بالمتغير WORKBENCH_HOME أو بالخيار ‪--home‬.</translation>
    </message>
    <message>
        <source>Indexes, settings and your own work (selections, tags, notes, entity corrections) are kept here, never in the corpus folders; upgrading the workbench keeps them.</source>
        <translation>تُحفظ هنا الفهارس والإعدادات وعملك الخاص (التحديدات والوسوم والملاحظات وتصحيحات الكيانات)، ولا يُكتب شيء في مجلدات المدونات أبدًا؛ وترقية منصة العمل تُبقي عليها.</translation>
    </message>
    <message>
        <source>Program code: MIT licence.</source>
        <translation>شيفرة البرنامج: ترخيص MIT.</translation>
    </message>
    <message>
        <source>Amiri font: SIL Open Font License 1.1.</source>
        <translation>خط أميري: رخصة SIL Open Font License 1.1.</translation>
    </message>
    <message>
        <source>Entity model: trained on ANERcorp (CC BY-SA 4.0); it uses the word clusters below as features, so it is also under CC BY-NC-SA 4.0.</source>
        <translation>نموذج الكيانات: مدرَّب على ANERcorp (CC BY-SA 4.0)؛ ويستخدم عناقيد الكلمات المذكورة أدناه سماتٍ، لذا يخضع أيضًا لترخيص CC BY-NC-SA 4.0.</translation>
    </message>
    <message>
        <source>Word clusters and word counts: derived from the SaudiNewsNet corpus, CC BY-NC-SA 4.0 (non-commercial use, attribution, share alike).</source>
        <translation>عناقيد الكلمات وتكرارات الكلمات: مشتقة من مدونة SaudiNewsNet، بترخيص CC BY-NC-SA 4.0 (استخدام غير تجاري، ونسبة العمل إلى أصحابه، والمشاركة بالمثل).</translation>
    </message>
    <message>
        <source>Third-party software in this installation (Python, Qt and PySide6 under the LGPL v3, PyArabic under the GPL v3, numpy and others): their licences are in the licenses folder and NOTICE.txt beside the program.</source>
        <translation>البرمجيات الخارجية في هذا التثبيت (Python، وQt وPySide6 بترخيص LGPL v3، وPyArabic بترخيص GPL v3، وnumpy وغيرها): تراخيصها في المجلد licenses وفي الملف NOTICE.txt بجوار البرنامج.</translation>
    </message>
    <message>
        <source>The licence record ({file}) is missing from this installation.</source>
        <translation>سجل التراخيص ({file}) مفقود من هذا التثبيت.</translation>
    </message>
</context>
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
