<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>There is no entity '{entity_id}' in this corpus (any more): list the entities again and use an id from the list.</source>
            <translation>لا يوجد كيان '{entity_id}' في هذه المدوّنة (لم يعد موجودًا): اعرض قائمة الكيانات من جديد واستخدم معرّفًا منها.</translation>
        </message>
        <message>
            <source>Nothing to merge: choose entities other than the one they merge into.</source>
            <translation>لا شيء للدمج: اختر كيانات غير الكيان الذي تُدمج فيه.</translation>
        </message>
        <message>
            <source>'{alias}' is not a spelling of {name}: split one of {spellings}.</source>
            <translation>'{alias}' ليست من تهجئات {name}: افصل إحدى التهجئات التالية: {spellings}.</translation>
        </message>
        <message>
            <source>'{alias}' is the only name of {name}: there is nothing to split it from.</source>
            <translation>'{alias}' هو الاسم الوحيد لـ{name}: لا يوجد ما يُفصل عنه.</translation>
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
            <source>No entity chosen: select at least one entity.</source>
            <translation>لم يُختر أي كيان: حدّد كيانًا واحدًا على الأقل.</translation>
        </message>
        <message>
            <source>Unknown entity type '{type}': use one of {types}.</source>
            <translation>نوع كيان غير معروف '{type}': استخدم أحد الأنواع التالية: {types}.</translation>
        </message>
        <message>
            <source>The indexing process stopped unexpectedly (exit code {code}); the index keeps what was saved. Update the index to go on.</source>
            <translation>توقفت عملية الفهرسة على نحو غير متوقع (رمز الخروج {code})؛ يحتفظ الفهرس بما حُفظ. حدّث الفهرس للمتابعة.</translation>
        </message>
        <message>
            <source>The index in {folder} cannot be opened ({reason}): check that your user may read and write it, or delete the folder to rebuild it.</source>
            <translation>تعذّر فتح الفهرس في {folder} ({reason}): تحقّق من أن مستخدمك يستطيع قراءته والكتابة فيه، أو احذف المجلد لإعادة بنائه.</translation>
        </message>
        <message>
            <source>The index folder {folder} belongs to another user or is read-only, so it can be searched but not updated: give your user write access to it (for example sudo chown -R $USER on it), or set WORKBENCH_HOME to another folder.</source>
            <translation>مجلد الفهرس {folder} يملكه مستخدم آخر أو هو للقراءة فقط، فيمكن البحث فيه دون تحديثه: امنح مستخدمك صلاحية الكتابة فيه (مثلًا sudo chown -R $USER عليه)، أو اضبط WORKBENCH_HOME على مجلد آخر.</translation>
        </message>
        <message>
            <source>The corpus folder {folder} does not exist: check the path or open another folder.</source>
            <translation>مجلد المدوّنة {folder} غير موجود: تحقق من المسار أو افتح مجلدًا آخر.</translation>
        </message>
        <message>
            <source>The index was incomplete; it has been rebuilt from the corpus.</source>
            <translation>كان الفهرس ناقصًا؛ فأُعيد بناؤه من المدوّنة.</translation>
        </message>
        <message>
            <source>The index was made by another version of the workbench (format {old}, now {new}); it has been rebuilt from the corpus.</source>
            <translation>أُنشئ الفهرس بإصدار آخر من منصة العمل (الصيغة {old}، والآن {new})؛ فأُعيد بناؤه من المدوّنة.</translation>
        </message>
        <message>
            <source>The index and its list of files did not match; it has been rebuilt from the corpus.</source>
            <translation>لم يتطابق الفهرس مع قائمة ملفاته؛ فأُعيد بناؤه من المدوّنة.</translation>
        </message>
        <message>
            <source>The {stage} data beside the index was missing or damaged; the index has been rebuilt from the corpus.</source>
            <translation>كانت بيانات {stage} المحفوظة بجانب الفهرس مفقودة أو تالفة؛ فأُعيد بناء الفهرس من المدوّنة.</translation>
        </message>
        <message>
            <source>The index was damaged ({error}) and has been rebuilt from the corpus.</source>
            <translation>كان الفهرس تالفًا ({error})، وقد أُعيد بناؤه من المدوّنة.</translation>
        </message>
        <message>
            <source>The index in {folder} must be rebuilt, but it belongs to another user or is read-only: give your user write access to it (for example sudo chown -R $USER on it), or set WORKBENCH_HOME to another folder.</source>
            <translation>يجب إعادة بناء الفهرس في {folder}، لكنه يملكه مستخدم آخر أو هو للقراءة فقط: امنح مستخدمك صلاحية الكتابة فيه (مثلًا sudo chown -R $USER عليه)، أو اضبط WORKBENCH_HOME على مجلد آخر.</translation>
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
            <source>Some metadata overrides were not applied. {problems}</source>
            <translation>لم تُطبَّق بعض تصحيحات البيانات الوصفية. {problems}</translation>
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
            <source>This folder is a link to {target}, a folder that contains it; it was not followed (it would loop).</source>
            <translation>هذا المجلد رابط إلى {target}، وهو مجلد يحتويه؛ لم يُتَّبع (كان سيدور في حلقة).</translation>
        </message>
        <message>
            <source>This is a link to {target}, which does not exist. Fix or remove the link.</source>
            <translation>هذا رابط إلى {target}، وهو غير موجود. أصلح الرابط أو احذفه.</translation>
        </message>
        <message>
            <source>This link points back to itself through other links (a loop), so it leads to no file. Fix or remove the link.</source>
            <translation>يشير هذا الرابط إلى نفسه عبر روابط أخرى (حلقة)، فلا يؤدي إلى أي ملف. أصلح الرابط أو احذفه.</translation>
        </message>
        <message>
            <source>This is a link to {target}, outside the corpus folder; it was not followed. Copy the file into the corpus to include it.</source>
            <translation>هذا رابط إلى {target}، خارج مجلد المدوّنة؛ لم يُتَّبع. انسخ الملف إلى المدوّنة لتضمينه.</translation>
        </message>
        <message>
            <source>This file could not be read because of an unexpected error ({error}). Please report it.</source>
            <translation>تعذّرت قراءة هذا الملف بسبب خطأ غير متوقع ({error}). يُرجى الإبلاغ عنه.</translation>
        </message>
        <message>
            <source>This file type is not supported; use one of {suffixes}.</source>
            <translation>نوع الملف هذا غير مدعوم؛ استخدم أحد الأنواع التالية: {suffixes}.</translation>
        </message>
        <message>
            <source>The file is {size}, over the {limit} limit for one article: check that it belongs here, or split it.</source>
            <translation>حجم الملف {size}، وهو يتجاوز الحد الأقصى للمقالة الواحدة ({limit}): تحقق من أنه في مكانه الصحيح، أو قسّمه.</translation>
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
            <source>This looks like a binary file, not text (it is full of control characters). Export the document as plain UTF-8 text.</source>
            <translation>يبدو هذا ملفًا ثنائيًا وليس نصًا (مليء بمحارف التحكم). صدّر المستند نصًا عاديًا بترميز UTF-8.</translation>
        </message>
        <message>
            <source>This is a binary file, not text (it contains NUL bytes). If it is text, export it again as UTF-8.</source>
            <translation>هذا ملف ثنائي وليس نصًا (يحتوي على بايتات NUL). إن كان نصًا فصدّره من جديد بترميز UTF-8.</translation>
        </message>
        <message>
            <source>The text encoding is not UTF-8 and does not look like Arabic Windows-1256. Open the file in a text editor and save it as UTF-8.</source>
            <translation>ترميز النص ليس UTF-8 ولا يبدو ترميز Windows-1256 العربي. افتح الملف في محرر نصوص واحفظه بترميز UTF-8.</translation>
        </message>
        <message>
            <source>No article to read: the file has no records.</source>
            <translation>لا توجد مقالة للقراءة: لا يحتوي الملف على أي سجل.</translation>
        </message>
        <message>
            <source>No article could be read from this file. {problems}</source>
            <translation>تعذّرت قراءة أي مقالة من هذا الملف. {problems}</translation>
        </message>
        <message>
            <source>The file has no text (it is empty or only whitespace).</source>
            <translation>لا يحتوي الملف على نص (فارغ أو مسافات فقط).</translation>
        </message>
        <message>
            <source>The page's text is {size}, over the {limit} limit for one article: check that it belongs here.</source>
            <translation>حجم نص الصفحة {size}، وهو يتجاوز الحد الأقصى للمقالة الواحدة ({limit}): تحقق من أنها في مكانها الصحيح.</translation>
        </message>
        <message>
            <source>The compressed file is damaged ({error}). Re-create it or decompress it.</source>
            <translation>الملف المضغوط تالف ({error}). أعد إنشاءه أو فك ضغطه.</translation>
        </message>
        <message>
            <source>This is a binary file, not {format} text (it contains NUL or control bytes). Export it again as UTF-8 {format}.</source>
            <translation>هذا ملف ثنائي وليس نص {format} (يحتوي على بايتات NUL أو محارف تحكم). صدّره من جديد بصيغة {format} وترميز UTF-8.</translation>
        </message>
        <message>
            <source>The {format} file is not UTF-8 and does not look like Arabic Windows-1256. Re-save it as UTF-8 (in Excel: CSV UTF-8).</source>
            <translation>ملف {format} ليس بترميز UTF-8 ولا يبدو بترميز Windows-1256 العربي. احفظه من جديد بترميز UTF-8 (في Excel: CSV UTF-8).</translation>
        </message>
        <message>
            <source>not a JSON object</source>
            <translation>ليس كائن JSON</translation>
        </message>
        <message>
            <source>nested too deeply</source>
            <translation>متداخل إلى عمق زائد</translation>
        </message>
        <message>
            <source>The file is not valid JSON ({error}). Fix it or export it again.</source>
            <translation>الملف ليس JSON صالحًا ({error}). أصلحه أو صدّره من جديد.</translation>
        </message>
        <message>
            <source>the file ends inside the array</source>
            <translation>ينتهي الملف داخل المصفوفة</translation>
        </message>
        <message>
            <source>expected ',' or ']' at byte {offset}</source>
            <translation>كان المتوقع ',' أو ']' عند البايت {offset}</translation>
        </message>
        <message>
            <source>the file ends inside a JSON value</source>
            <translation>ينتهي الملف داخل قيمة JSON</translation>
        </message>
        <message>
            <source>The JSON holds no articles: expected an array of objects with a content/text/body field. Export the articles again.</source>
            <translation>لا يحتوي ملف JSON على مقالات: المتوقع مصفوفة كائنات فيها حقل content أو text أو body. صدّر المقالات من جديد.</translation>
        </message>
        <message>
            <source>The CSV header has no text column: name the column holding the article text one of {names}.</source>
            <translation>لا يحتوي رأس ملف CSV على عمود للنص: سمِّ العمود الذي يحمل نص المقالة باسم من هذه الأسماء: {names}.</translation>
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
            <source>It has no 'path' column: its first row must name the columns path,title,source,date,url,author.</source>
            <translation>لا يحتوي على عمود 'path': يجب أن يسمّي صفه الأول الأعمدة path,title,source,date,url,author.</translation>
        </message>
        <message>
            <source>Row {row}: '{value}' is not a date (write 2016-11-03); that cell was ignored.</source>
            <translation>الصف {row}: '{value}' ليس تاريخًا (اكتب 2016-11-03)؛ تم تجاهل تلك الخلية.</translation>
        </message>
        <message>
            <source>{word} matches more words than are searched at once: only the first {count} (in alphabetical order) were searched. Type more letters to narrow it.</source>
            <translation>يطابق {word} كلمات أكثر مما يُبحث عنه دفعة واحدة: بُحث عن أول {count} منها فقط (بالترتيب الأبجدي). اكتب أحرفًا أكثر لتضييقه.</translation>
        </message>
        <message>
            <source>The query has no searchable words: type at least one word, phrase or field.</source>
            <translation>لا يحتوي الاستعلام على كلمات قابلة للبحث: اكتب كلمة أو عبارة أو حقلًا واحدًا على الأقل.</translation>
        </message>
        <message>
            <source>Unknown sort order '{sort}': use one of {orders}.</source>
            <translation>ترتيب غير معروف '{sort}': استخدم أحد الخيارات التالية: {orders}.</translation>
        </message>
        <message>
            <source>Missing closing quote for the phrase that starts at character {position}: close it with " to search an exact phrase.</source>
            <translation>تنقص علامة الاقتباس الختامية للعبارة التي تبدأ عند المحرف {position}: أغلقها بعلامة " للبحث عن العبارة بنصها.</translation>
        </message>
        <message>
            <source>The query has {count} words; at most {limit} are searched at once. Split it into several searches.</source>
            <translation>في الاستعلام {count} كلمة؛ ولا يُبحث إلا عن {limit} كلمة على الأكثر دفعة واحدة. قسّمه إلى عدة عمليات بحث.</translation>
        </message>
        <message>
            <source>The query is {length} characters long; at most {limit} are searched at once. Split it into several searches.</source>
            <translation>طول الاستعلام {length} محرفًا؛ ولا يُبحث إلا في {limit} محرف على الأكثر دفعة واحدة. قسّمه إلى عدة عمليات بحث.</translation>
        </message>
        <message>
            <source>Parentheses and NOT are nested more than {limit} deep at character {position}: remove some levels.</source>
            <translation>تتداخل الأقواس وNOT بعمق يزيد على {limit} مستوى عند المحرف {position}: احذف بعض المستويات.</translation>
        </message>
        <message>
            <source>The query is empty: type one or more words to search for.</source>
            <translation>الاستعلام فارغ: اكتب كلمة أو أكثر للبحث عنها.</translation>
        </message>
        <message>
            <source>Unexpected closing parenthesis at character {position}: remove it or add a matching '('.</source>
            <translation>قوس إغلاق غير متوقع عند المحرف {position}: احذفه أو أضف قوس فتح '(' مقابلًا له.</translation>
        </message>
        <message>
            <source>'{operator}' at character {position} needs a word after it.</source>
            <translation>يحتاج '{operator}' عند المحرف {position} إلى كلمة بعده.</translation>
        </message>
        <message>
            <source>'{operator}' at character {position} needs a word to exclude after it.</source>
            <translation>يحتاج '{operator}' عند المحرف {position} إلى كلمة بعده لاستبعادها.</translation>
        </message>
        <message>
            <source>The query ends too early: add a word after the last operator.</source>
            <translation>ينتهي الاستعلام قبل أوانه: أضف كلمة بعد آخر عامل.</translation>
        </message>
        <message>
            <source>Missing closing parenthesis for '(' at character {position}.</source>
            <translation>ينقص قوس الإغلاق للقوس '(' عند المحرف {position}.</translation>
        </message>
        <message>
            <source>Empty parentheses at character {position}: put words inside them.</source>
            <translation>قوسان فارغان عند المحرف {position}: ضع كلمات بينهما.</translation>
        </message>
        <message>
            <source>'{field}:' at character {position} is inside another field.</source>
            <translation>'{field}:' عند المحرف {position} داخل حقل آخر.</translation>
        </message>
        <message>
            <source>'{field}:' at character {position} needs a value, for example {example}.</source>
            <translation>يحتاج '{field}:' عند المحرف {position} إلى قيمة، مثل {example}.</translation>
        </message>
        <message>
            <source>'{operator}' at character {position} needs a word before it.</source>
            <translation>يحتاج '{operator}' عند المحرف {position} إلى كلمة قبله.</translation>
        </message>
        <message>
            <source>date: at character {position} takes a date or range such as {example}.</source>
            <translation>يقبل date: عند المحرف {position} تاريخًا أو مدى مثل {example}.</translation>
        </message>
        <message>
            <source>'has:{value}' is not a filter: use has:note, has:tag or has:selection.</source>
            <translation>'has:{value}' ليس مرشِّحًا: استعمل has:note أو has:tag أو has:selection.</translation>
        </message>
        <message>
            <source>'{text}' at character {position} is a wildcard without a word: write the beginning of a word before *, e.g. لافرو*.</source>
            <translation>'{text}' عند المحرف {position} رمز بدل بلا كلمة: اكتب بداية كلمة قبل *، مثل لافرو*.</translation>
        </message>
        <message>
            <source>'{text}': fuzzy distance must be 1 or 2 (word~ or word~2).</source>
            <translation>'{text}': يجب أن تكون مسافة التقريب 1 أو 2 (كلمة~ أو كلمة~2).</translation>
        </message>
        <message>
            <source>Unknown match mode '{match}': use 'all' or 'any'.</source>
            <translation>نمط مطابقة غير معروف '{match}': استخدم 'all' أو 'any'.</translation>
        </message>
        <message>
            <source>'{text}' is not a date range: write date:YYYY-MM-DD..YYYY-MM-DD (either side may be YYYY or YYYY-MM, or left empty).</source>
            <translation>'{text}' ليس مدى تاريخيًا: اكتب date:YYYY-MM-DD..YYYY-MM-DD (يمكن أن يكون أي طرف YYYY أو YYYY-MM أو أن يُترك فارغًا).</translation>
        </message>
        <message>
            <source>'{text}': month {month} does not exist.</source>
            <translation>'{text}': الشهر {month} غير موجود.</translation>
        </message>
        <message>
            <source>'{text}': day {day} does not exist in {month}.</source>
            <translation>'{text}': اليوم {day} غير موجود في {month}.</translation>
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
            <source>Your work on this corpus could not be backed up ({reason}): free some disk space in {folder}.</source>
            <translation>تعذّر أخذ نسخة احتياطية من عملك على هذه المدوّنة ({reason}): أفرغ بعض المساحة في {folder}.</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of the workbench (store format {version}, this version reads up to {supported}): update the workbench.</source>
            <translation>كُتب {path} بإصدار أحدث من منصة العمل (صيغة المخزن {version}، وهذا الإصدار يقرأ حتى {supported}): حدّث منصة العمل.</translation>
        </message>
        <message>
            <source>The store of your work on this corpus ({path}) is in use by another program: close the other workbench window using this corpus, then try again.</source>
            <translation>مخزن عملك على هذه المدوّنة ({path}) يستخدمه برنامج آخر: أغلق نافذة منصة العمل الأخرى التي تستخدم هذه المدوّنة، ثم حاول مرة أخرى.</translation>
        </message>
        <message>
            <source>The store of your work on this corpus ({path}) cannot be used ({reason}): check the disk and its permissions, then open the corpus again.</source>
            <translation>تعذّر استخدام مخزن عملك على هذه المدوّنة ({path}) ({reason}): تحقق من القرص ومن أذوناته، ثم افتح المدوّنة مرة أخرى.</translation>
        </message>
        <message>
            <source>The store of your work on this corpus ({path}) is damaged ({reason}): open the corpus again and the workbench restores it from its last backup.</source>
            <translation>مخزن عملك على هذه المدوّنة ({path}) تالف ({reason}): افتح المدوّنة مرة أخرى فتستعيده منصة العمل من آخر نسخة احتياطية.</translation>
        </message>
        <message>
            <source>Unknown time bucket '{bucket}': use one of {buckets}.</source>
            <translation>فترة زمنية غير معروفة '{bucket}': استخدم إحدى الفترات التالية: {buckets}.</translation>
        </message>
        <message>
            <source>The results span more than {limit} {bucket}s: count them by a longer period (week or month).</source>
            <translation>تمتد النتائج على أكثر من {limit} من فترات «{bucket}»: اعرض الأعداد بفترة أطول (أسبوع أو شهر).</translation>
        </message>
        <message>
            <source>The context width must be between {low} and {high} characters.</source>
            <translation>يجب أن يكون عرض السياق بين {low} و{high} حرفًا.</translation>
        </message>
        <message>
            <source>Unknown concordance sort '{side}': use left or right.</source>
            <translation>ترتيب غير معروف للكشاف السياقي '{side}': استخدم left (ما قبل المطابقة) أو right (ما بعدها).</translation>
        </message>
        <message>
            <source>{count} record(s) could not be read and were left out; the first, in {where}: {detail}. Fix them and the file will be read again.</source>
            <translation>تعذّرت قراءة {count} سجل فاستُبعدت؛ أولها في {where}: {detail}. أصلحها وسيُقرأ الملف من جديد.</translation>
        </message>
        <message>
            <source>{count} record(s) have no text (no content, text or body value) and were left out; the first is in {where}.</source>
            <translation>{count} سجل بلا نص (لا قيمة في content أو text أو body) فاستُبعدت؛ أولها في {where}.</translation>
        </message>
        <message>
            <source>{count} record(s) are over the {limit} limit for one article and were left out; the first, in {where}, is {detail}.</source>
            <translation>{count} سجل يتجاوز الحد الأقصى للمقالة الواحدة ({limit}) فاستُبعدت؛ أولها في {where} وحجمه {detail}.</translation>
        </message>
        <message>
            <source>The quote opened in {where} is never closed, so that row was left out and reading went on at the next line. Close the quote to read the row.</source>
            <translation>علامة الاقتباس المفتوحة في {where} لا تُغلق أبدًا، فاستُبعد ذلك الصف واستمرت القراءة من السطر التالي. أغلق علامة الاقتباس لقراءة الصف.</translation>
        </message>
        <message>
            <source>Reading stopped in {where} ({detail}): the records before it were read, the rest of the file could not be. Fix the file or export it again.</source>
            <translation>توقفت القراءة في {where} ({detail}): قُرئت السجلات التي قبله، وتعذّرت قراءة بقية الملف. أصلح الملف أو صدّره من جديد.</translation>
        </message>
        <message>
            <source>{count} byte(s) are not valid {detail} and are shown as � (the first in {where}). Re-save the file as UTF-8 to restore them.</source>
            <translation>{count} بايت غير صالحة في ترميز {detail} وتظهر بالشكل � (أولها في {where}). احفظ الملف من جديد بترميز UTF-8 لاستعادتها.</translation>
        </message>
        <message>
            <source>{count} unpaired UTF-16 surrogate(s) (such as \ud83d, left by a cut emoji) are shown as � (the first in {where}).</source>
            <translation>{count} من بدائل UTF-16 المنفردة (مثل \ud83d، مما يخلّفه رمز تعبيري مقطوع) تظهر بالشكل � (أولها في {where}).</translation>
        </message>
        <message>
            <source>{count} control character(s) (such as NUL or \x1a) were removed from the text (the first in {where}).</source>
            <translation>حُذف {count} من محارف التحكم (مثل NUL أو \x1a) من النص (أولها في {where}).</translation>
        </message>
        <message>
            <source>line {line}</source>
            <translation>السطر {line}</translation>
        </message>
        <message>
            <source>item {item}</source>
            <translation>العنصر {item}</translation>
        </message>
        <message>
            <source>record {record}</source>
            <translation>السجل {record}</translation>
        </message>
        <message>
            <source>this file</source>
            <translation>هذا الملف</translation>
        </message>
        <message>
            <source>Cannot export to {file}: the file name must end in .xlsx, .csv or .jsonl.</source>
            <translation>تعذّر التصدير إلى {file}: يجب أن ينتهي اسم الملف بـ .xlsx أو .csv أو .jsonl.</translation>
        </message>
        <message>
            <source>Unknown table '{sheet}': choose from {sheets}.</source>
            <translation>جدول غير معروف '{sheet}': اختر من {sheets}.</translation>
        </message>
        <message>
            <source>A {format} file holds one table: choose one of {sheets} (or export to .xlsx for several).</source>
            <translation>يحمل ملف {format} جدولًا واحدًا: اختر واحدًا من {sheets} (أو صدّر إلى .xlsx لعدة جداول).</translation>
        </message>
        <message>
            <source>Cannot write {file}: the folder {folder} does not exist. Choose an existing folder.</source>
            <translation>تعذّرت كتابة {file}: المجلد {folder} غير موجود. اختر مجلدًا موجودًا.</translation>
        </message>
        <message>
            <source>Cannot write {file}: it is a folder. Choose a file name.</source>
            <translation>تعذّرت كتابة {file}: إنه مجلد. اختر اسم ملف.</translation>
        </message>
        <message>
            <source>Cannot write {file}: the disk is full. Free some space or choose another folder.</source>
            <translation>تعذّرت كتابة {file}: القرص ممتلئ. أفرغ بعض المساحة أو اختر مجلدًا آخر.</translation>
        </message>
        <message>
            <source>Cannot write {file}: it is open in another program (such as Excel) or read-only. Close it there, or choose another name.</source>
            <translation>تعذّرت كتابة {file}: إنه مفتوح في برنامج آخر (مثل Excel) أو للقراءة فقط. أغلقه هناك أو اختر اسمًا آخر.</translation>
        </message>
        <message>
            <source>Cannot write {file}: the folder {folder} is read-only. Choose another folder.</source>
            <translation>تعذّرت كتابة {file}: المجلد {folder} للقراءة فقط. اختر مجلدًا آخر.</translation>
        </message>
        <message>
            <source>Cannot write {file} ({reason}). Choose another folder or name.</source>
            <translation>تعذّرت كتابة {file} ({reason}). اختر مجلدًا أو اسمًا آخر.</translation>
        </message>
        <message>
            <source>'{field}:' filters need the corpus's store of your work, which is not open here.</source>
            <translation>تحتاج مرشِّحات '{field}:' إلى مخزن عملك على المدوّنة، وهو غير مفتوح هنا.</translation>
        </message>
        <message>
            <source>The store of your work on this corpus (selections, tags, notes, entity curation) was {problem}; it was restored from the backup of {date}.</source>
            <translation>كان مخزن عملك على هذه المدوّنة (المجموعات المختارة والوسوم والملاحظات وتصحيحات الكيانات) {problem}؛ فاستُعيد من النسخة الاحتياطية المؤرخة {date}.</translation>
        </message>
        <message>
            <source>The store of your work on this corpus (selections, tags, notes, entity curation) was {problem}; it was restored from the backup of {date}. The damaged file is kept as {aside}.</source>
            <translation>كان مخزن عملك على هذه المدوّنة (المجموعات المختارة والوسوم والملاحظات وتصحيحات الكيانات) {problem}؛ فاستُعيد من النسخة الاحتياطية المؤرخة {date}. واحتُفظ بالملف التالف باسم {aside}.</translation>
        </message>
        <message>
            <source>The store of your work on this corpus (selections, tags, notes, entity curation) was {problem} and no backup of it could be read, so the workbench starts with an empty one. The damaged file is kept as {aside} in {folder}.</source>
            <translation>كان مخزن عملك على هذه المدوّنة (المجموعات المختارة والوسوم والملاحظات وتصحيحات الكيانات) {problem} ولم تُقرأ أي نسخة احتياطية منه، فتبدأ منصة العمل بمخزن فارغ. واحتُفظ بالملف التالف باسم {aside} في {folder}.</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>مفقودًا</translation>
        </message>
        <message>
            <source>empty</source>
            <translation>فارغًا</translation>
        </message>
        <message>
            <source>damaged ({detail})</source>
            <translation>تالفًا ({detail})</translation>
        </message>
        <message>
            <source>A tag needs at least one letter or digit: '{name}' has none.</source>
            <translation>يحتاج الوسم إلى حرف أو رقم واحد على الأقل: '{name}' لا يحوي أيًّا منهما.</translation>
        </message>
        <message>
            <source>There is already a selection named '{name}': choose another name.</source>
            <translation>توجد مجموعة مختارة باسم '{name}': اختر اسمًا آخر.</translation>
        </message>
        <message>
            <source>There is no selection named '{name}'. The selections are: {names}.</source>
            <translation>لا توجد مجموعة مختارة باسم '{name}'. المجموعات المختارة هي: {names}.</translation>
        </message>
        <message>
            <source>No article with the id {ids} is in this corpus's index: use the ids that search prints (a file's path, or file#N for a record).</source>
            <translation>لا توجد في فهرس هذه المدوّنة مقالة بالمعرّف {ids}: استعمل المعرّفات التي يطبعها البحث (مسار الملف، أو file#N للسجل).</translation>
        </message>
        <message>
            <source>A selection name needs at least one letter or digit: '{name}' has none.</source>
            <translation>يحتاج اسم المجموعة المختارة إلى حرف أو رقم واحد على الأقل: '{name}' لا يحوي أيًّا منهما.</translation>
        </message>
        <message>
            <source>Compare two to four different articles (got {count}).</source>
            <translation>قارن بين مقالتين وأربع مقالات مختلفة (اخترت {count}).</translation>
        </message>
        <message>
            <source>There is no article '{article_id}' in this corpus: use an id from `workbench search --json`.</source>
            <translation>لا توجد مقالة بالمعرّف '{article_id}' في هذه المدوّنة: استخدم معرّفًا مما يطبعه `workbench search --json`.</translation>
        </message>
        <message>
            <source>The index lock {path} is a folder, not a file: delete or rename it, then try again.</source>
            <translation>قفل الفهرس {path} مجلد وليس ملفًا: احذفه أو غيّر اسمه، ثم حاول مرة أخرى.</translation>
        </message>
        <message>
            <source>Cannot use the index lock {path} ({reason}): give your user write access to its folder, or set WORKBENCH_HOME to another folder.</source>
            <translation>تعذّر استخدام قفل الفهرس {path} ({reason}): امنح مستخدمك صلاحية الكتابة في مجلده، أو اضبط WORKBENCH_HOME على مجلد آخر.</translation>
        </message>
        <message>
            <source>None of its articles could be indexed; the reasons are listed with its articles.</source>
            <translation>تعذّرت فهرسة كل مقالاته؛ الأسباب مذكورة مع مقالاته.</translation>
        </message>
        <message>
            <source>It could not be indexed ({error}). Please report this, with the file if you can.</source>
            <translation>تعذّرت فهرسته ({error}). يُرجى الإبلاغ عن ذلك، مع الملف إن أمكن.</translation>
        </message>
        <message>
            <source>Could not save the index in {folder} ({reason}): free disk space or fix permissions, then index again. What was saved before is intact.</source>
            <translation>تعذّر حفظ الفهرس في {folder} ({reason}): وفّر مساحة على القرص أو أصلح الأذونات، ثم أعد الفهرسة. ما حُفظ من قبل سليم.</translation>
        </message>
        <message>
            <source>Part of the index was damaged ({segments} failed its checksum); the {files} file(s) it held have been indexed again.</source>
            <translation>كان جزء من الفهرس تالفًا (لم يجتز {segments} فحص المجموع الاختباري)؛ وأُعيدت فهرسة الملفات التي كان يحويها وعددها {files}.</translation>
        </message>
        <message>
            <source>This folder looks like {old}, moved or renamed: your selections, tags, notes and its index were carried over.</source>
            <translation>يبدو أن هذا المجلد هو {old} بعد نقله أو تغيير اسمه: نُقلت إليه مجموعاتك المختارة ووسومك وملاحظاتك وفهرسه.</translation>
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
        <name>ArticleHeader</name>
        <message>
            <source>“{title}”</source>
            <translation>«{title}»</translation>
        </message>
        <message>
            <source>, </source>
            <translation>، </translation>
        </message>
        <message>
            <source>Copy citation</source>
            <translation>نسخ الإحالة</translation>
        </message>
        <message>
            <source>Copy source, date, title and URL to the clipboard</source>
            <translation>انسخ المصدر والتاريخ والعنوان والرابط إلى الحافظة</translation>
        </message>
        <message>
            <source>Open containing folder</source>
            <translation>فتح المجلد الحاوي</translation>
        </message>
        <message>
            <source>No article open</source>
            <translation>لا توجد مقالة مفتوحة</translation>
        </message>
        <message>
            <source>File: {path}</source>
            <translation>الملف: {path}</translation>
        </message>
        <message>
            <source>File: {path}, record {record}</source>
            <translation>الملف: {path}، السجل {record}</translation>
        </message>
    </context>
    <context>
        <name>ArticleMarksPanel</name>
        <message>
            <source>&amp;Tags:</source>
            <translation>ال&amp;وسوم:</translation>
        </message>
        <message>
            <source>tags, separated by commas</source>
            <translation>وسوم تفصل بينها فواصل</translation>
        </message>
        <message>
            <source>N&amp;ote:</source>
            <translation>ال&amp;ملاحظة:</translation>
        </message>
        <message>
            <source>Your note on this article (saved as you type)</source>
            <translation>ملاحظتك على هذه المقالة (تُحفظ أثناء الكتابة)</translation>
        </message>
        <message>
            <source>In the selection “{name}”</source>
            <translation>في المجموعة المختارة «{name}»</translation>
        </message>
        <message>
            <source>Add to a new selection</source>
            <translation>إضافة إلى مجموعة مختارة جديدة</translation>
        </message>
    </context>
    <context>
        <name>ComparePane</name>
        <message>
            <source>Move this article one place earlier</source>
            <translation>انقل هذه المقالة مكانًا واحدًا إلى الأمام</translation>
        </message>
        <message>
            <source>Move this article one place later</source>
            <translation>انقل هذه المقالة مكانًا واحدًا إلى الخلف</translation>
        </message>
        <message>
            <source>Close this article</source>
            <translation>أغلق هذه المقالة</translation>
        </message>
    </context>
    <context>
        <name>CompareSummary</name>
        <message>
            <source>Overall similarity: {percent}% · {count} shared passages</source>
            <translation>التشابه الإجمالي: {percent}٪ · {count} مقاطع مشتركة</translation>
        </message>
        <message>
            <source>Named in all: {names}</source>
            <translation>مذكور في الجميع: {names}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>لا شيء</translation>
        </message>
        <message>
            <source>only here: {names}</source>
            <translation>هنا فقط: {names}</translation>
        </message>
        <message>
            <source>differing numbers: {numbers}</source>
            <translation>أرقام مختلفة: {numbers}</translation>
        </message>
        <message>
            <source>Article {number} ({source})</source>
            <translation>المقالة {number} ({source})</translation>
        </message>
        <message>
            <source>Article {number}</source>
            <translation>المقالة {number}</translation>
        </message>
        <message>
            <source>no quotations</source>
            <translation>لا اقتباسات</translation>
        </message>
        <message>
            <source>unnamed</source>
            <translation>دون تسمية</translation>
        </message>
        <message>
            <source>{count} quotations:</source>
            <translation>الاقتباسات ({count}):</translation>
        </message>
        <message>
            <source>and {count} more</source>
            <translation>و{count} غيرها</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <source>Compare articles</source>
            <translation>مقارنة المقالات</translation>
        </message>
        <message>
            <source>Previous shared passage</source>
            <translation>المقطع المشترك السابق</translation>
        </message>
        <message>
            <source>Previous shared passage (Shift+F8)</source>
            <translation>المقطع المشترك السابق (Shift+F8)</translation>
        </message>
        <message>
            <source>Next shared passage</source>
            <translation>المقطع المشترك التالي</translation>
        </message>
        <message>
            <source>Next shared passage (F8)</source>
            <translation>المقطع المشترك التالي (F8)</translation>
        </message>
        <message>
            <source>Scroll together</source>
            <translation>تمرير متزامن</translation>
        </message>
        <message>
            <source>How alike two passages must be to count as shared</source>
            <translation>مدى التشابه المطلوب بين مقطعين ليُعدّا مشتركين</translation>
        </message>
        <message>
            <source>Passage similarity at least {value}</source>
            <translation>تشابه المقاطع لا يقل عن {value}</translation>
        </message>
        <message>
            <source>{count} shared passages</source>
            <translation>المقاطع المشتركة: {count}</translation>
        </message>
        <message>
            <source>Comparing…</source>
            <translation>جارٍ المقارنة…</translation>
        </message>
    </context>
    <context>
        <name>ComparisonLauncher</name>
        <message>
            <source>Select two to four results to compare.</source>
            <translation>حدد من نتيجتين إلى أربع نتائج للمقارنة.</translation>
        </message>
        <message>
            <source>Select two to four results to compare (you selected {count}).</source>
            <translation>حدد من نتيجتين إلى أربع نتائج للمقارنة (حددت {count}).</translation>
        </message>
        <message numerus="yes">
            <source>The comparison shows two to four articles; the selection “{name}” has %Ln.</source>
            <translation>
                <numerusform>تعرض المقارنة من مقالتين إلى أربع مقالات؛ وليس في المجموعة المختارة «{name}» أي مقالة.</numerusform>
                <numerusform>تعرض المقارنة من مقالتين إلى أربع مقالات؛ وفي المجموعة المختارة «{name}» مقالة واحدة.</numerusform>
                <numerusform>تعرض المقارنة من مقالتين إلى أربع مقالات؛ وفي المجموعة المختارة «{name}» مقالتان.</numerusform>
                <numerusform>تعرض المقارنة من مقالتين إلى أربع مقالات؛ وفي المجموعة المختارة «{name}» %Ln مقالات.</numerusform>
                <numerusform>تعرض المقارنة من مقالتين إلى أربع مقالات؛ وفي المجموعة المختارة «{name}» %Ln مقالة.</numerusform>
                <numerusform>تعرض المقارنة من مقالتين إلى أربع مقالات؛ وفي المجموعة المختارة «{name}» %Ln مقالة.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln more are missing from the corpus.</source>
            <translation>
                <numerusform>ولا مقالات أخرى مفقودة من المدوّنة.</numerusform>
                <numerusform>وفيها مقالة أخرى مفقودة من المدوّنة.</numerusform>
                <numerusform>وفيها مقالتان أخريان مفقودتان من المدوّنة.</numerusform>
                <numerusform>وفيها %Ln مقالات أخرى مفقودة من المدوّنة.</numerusform>
                <numerusform>وفيها %Ln مقالة أخرى مفقودة من المدوّنة.</numerusform>
                <numerusform>وفيها %Ln مقالة أخرى مفقودة من المدوّنة.</numerusform>
            </translation>
        </message>
        <message>
            <source>Its {count} similar copies</source>
            <translation>نسخها المشابهة ({count})</translation>
        </message>
    </context>
    <context>
        <name>ConcordanceModel</name>
        <message>
            <source>Before</source>
            <translation>قبل</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>المطابقة</translation>
        </message>
        <message>
            <source>After</source>
            <translation>بعد</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>المصدر</translation>
        </message>
    </context>
    <context>
        <name>ConcordanceView</name>
        <message>
            <source>Source:</source>
            <translation>المصدر:</translation>
        </message>
        <message>
            <source>Sort:</source>
            <translation>الترتيب:</translation>
        </message>
        <message>
            <source>Text order</source>
            <translation>ترتيب النص</translation>
        </message>
        <message>
            <source>Words before the match (left)</source>
            <translation>الكلمات السابقة للمطابقة</translation>
        </message>
        <message>
            <source>Words after the match (right)</source>
            <translation>الكلمات اللاحقة للمطابقة</translation>
        </message>
        <message>
            <source>Select a line to read its article at that place</source>
            <translation>اختر سطرًا لقراءة مقالته عند هذا الموضع</translation>
        </message>
        <message>
            <source>All sources</source>
            <translation>كل المصادر</translation>
        </message>
        <message>
            <source>Type a query: the concordance lists every place it matches.</source>
            <translation>اكتب استعلامًا: يعرض الكشاف السياقي كل موضع يطابقه.</translation>
        </message>
        <message>
            <source>Loading the concordance…</source>
            <translation>جارٍ تحميل الكشاف السياقي…</translation>
        </message>
        <message numerus="yes">
            <source>from %Ln articles</source>
            <translation>
                <numerusform>من %Ln مقالة</numerusform>
                <numerusform>من مقالة واحدة</numerusform>
                <numerusform>من مقالتين</numerusform>
                <numerusform>من %Ln مقالات</numerusform>
                <numerusform>من %Ln مقالة</numerusform>
                <numerusform>من %Ln مقالة</numerusform>
            </translation>
        </message>
        <message>
            <source>{lines} {articles}: the first lines only (narrow the query to see all)</source>
            <translation>{lines} {articles}: الأسطر الأولى فقط (ضيّق الاستعلام لرؤيتها كلها)</translation>
        </message>
        <message>
            <source>{lines} {articles} of {total}; loading more…</source>
            <translation>{lines} {articles} من أصل {total}؛ جارٍ تحميل المزيد…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln lines</source>
            <translation>
                <numerusform>%Ln سطر</numerusform>
                <numerusform>سطر واحد</numerusform>
                <numerusform>سطران</numerusform>
                <numerusform>%Ln أسطر</numerusform>
                <numerusform>%Ln سطرًا</numerusform>
                <numerusform>%Ln سطر</numerusform>
            </translation>
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
        <name>EntityCurator</name>
        <message>
            <source>Undo curation</source>
            <translation>تراجع عن التنقيح</translation>
        </message>
        <message>
            <source>Redo curation</source>
            <translation>إعادة التنقيح</translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>التفاصيل…</translation>
        </message>
        <message>
            <source>Show in lists</source>
            <translation>إظهار في القوائم</translation>
        </message>
        <message>
            <source>Show {count} entities in lists</source>
            <translation>إظهار الكيانات في القوائم (العدد: {count})</translation>
        </message>
        <message>
            <source>Merge into…</source>
            <translation>دمج في…</translation>
        </message>
        <message>
            <source>Merge {count} entities…</source>
            <translation>دمج الكيانات (العدد: {count})…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>إعادة تسمية…</translation>
        </message>
        <message>
            <source>Split a spelling out…</source>
            <translation>فصل تهجئة…</translation>
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
            <translation>إخفاء الكيانات (العدد: {count})</translation>
        </message>
        <message>
            <source>A wrong entity: leave it out of lists, filters and highlights</source>
            <translation>كيان خاطئ: استبعده من القوائم والمرشّحات والتظليل</translation>
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
            <source>merge</source>
            <translation>دمج</translation>
        </message>
        <message>
            <source>split</source>
            <translation>فصل</translation>
        </message>
        <message>
            <source>rename</source>
            <translation>إعادة تسمية</translation>
        </message>
        <message>
            <source>change of type</source>
            <translation>تغيير النوع</translation>
        </message>
        <message>
            <source>hide</source>
            <translation>إخفاء</translation>
        </message>
        <message>
            <source>unhide</source>
            <translation>إلغاء الإخفاء</translation>
        </message>
        <message>
            <source>new entity</source>
            <translation>كيان جديد</translation>
        </message>
        <message>
            <source>assignment</source>
            <translation>إسناد</translation>
        </message>
    </context>
    <context>
        <name>EntityDetails</name>
        <message>
            <source>The entity's name</source>
            <translation>اسم الكيان</translation>
        </message>
        <message>
            <source>The same name written differently</source>
            <translation>الاسم نفسه مكتوبًا بطريقة أخرى</translation>
        </message>
        <message>
            <source>Linked in its articles to {via}</source>
            <translation>رُبط في مقالاته بـ{via}</translation>
        </message>
        <message>
            <source>Spelling variant of {via}</source>
            <translation>تهجئة أخرى لـ{via}</translation>
        </message>
        <message>
            <source>Another name of {via} (alias list)</source>
            <translation>اسم آخر لـ{via} (قائمة الأسماء البديلة)</translation>
        </message>
        <message>
            <source>The full name, with the father's name, of {via}</source>
            <translation>الاسم الكامل، مع اسم الأب، لـ{via}</translation>
        </message>
        <message>
            <source>Part of the longer name {via}</source>
            <translation>جزء من الاسم الأطول {via}</translation>
        </message>
        <message>
            <source>Given name the articles link to {via}</source>
            <translation>اسم أول تربطه المقالات بـ{via}</translation>
        </message>
        <message>
            <source>You merged {via} into it</source>
            <translation>دمجتَ {via} فيه</translation>
        </message>
        <message>
            <source>You assigned it</source>
            <translation>أسندتَه إليه</translation>
        </message>
    </context>
    <context>
        <name>EntityDetailsDialog</name>
        <message>
            <source>Entity: {name}</source>
            <translation>الكيان: {name}</translation>
        </message>
        <message>
            <source>{type} · {articles} articles · {mentions} mentions</source>
            <translation>{type} · المقالات: {articles} · الإشارات: {mentions}</translation>
        </message>
        <message>
            <source>Hidden: left out of lists, filters and highlights.</source>
            <translation>مخفي: مستبعد من القوائم والمرشّحات والتظليل.</translation>
        </message>
        <message>
            <source>A given name alone, which could be many people: left out of the ranked lists. Show it in the lists, or merge it into the person it names.</source>
            <translation>اسم أول وحده قد يعني أشخاصًا كثيرين: لذا استُبعد من القوائم المرتبة. أظهره في القوائم، أو ادمجه في الشخص الذي يسمّيه.</translation>
        </message>
        <message>
            <source>Spelling</source>
            <translation>التهجئة</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>المقالات</translation>
        </message>
        <message>
            <source>Why it is here</source>
            <translation>سبب وجودها هنا</translation>
        </message>
        <message>
            <source>Split out</source>
            <translation>فصل</translation>
        </message>
        <message>
            <source>Move the selected spelling into an entity of its own</source>
            <translation>انقل التهجئة المحددة إلى كيان مستقل</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>المصدر</translation>
        </message>
        <message>
            <source>(unknown source)</source>
            <translation>(مصدر غير معروف)</translation>
        </message>
        <message>
            <source>Spellings</source>
            <translation>التهجئات</translation>
        </message>
        <message>
            <source>Sources that mention it</source>
            <translation>المصادر التي تذكره</translation>
        </message>
        <message>
            <source>Articles that mention it, over time</source>
            <translation>المقالات التي تذكره عبر الزمن</translation>
        </message>
        <message>
            <source>Quotations ({count})</source>
            <translation>الاقتباسات ({count})</translation>
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
            <source>Hidden and left out</source>
            <translation>المخفية والمستبعدة</translation>
        </message>
        <message>
            <source>The entities left out of the lists: hidden ones, and given names alone; right-click one to list it again</source>
            <translation>الكيانات المستبعدة من القوائم: المخفية، والأسماء الأولى وحدها؛ انقر أحدها بالزر الأيمن لإعادته إلى القوائم</translation>
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
            <source>Art.</source>
            <comment>short for Articles</comment>
            <translation>مقالات</translation>
        </message>
        <message>
            <source>Ment.</source>
            <comment>short for Mentions</comment>
            <translation>مرات</translation>
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
            <source>Hidden by you</source>
            <translation>أخفيتَه</translation>
        </message>
        <message>
            <source>A given name alone: left out of the lists</source>
            <translation>اسم أول وحده: مستبعد من القوائم</translation>
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
        <name>ErrorText</name>
        <message>
            <source>The disk is full, so the index could not be saved. Free some space, then update the index.</source>
            <translation>القرص ممتلئ، لذا تعذّر حفظ الفهرس. أفرغ بعض المساحة ثم حدّث الفهرس.</translation>
        </message>
        <message>
            <source>Could not read or write {path}: {reason}</source>
            <translation>تعذّرت القراءة من {path} أو الكتابة فيه: {reason}</translation>
        </message>
        <message>
            <source>An unexpected error occurred. Details were saved to {path}</source>
            <translation>حدث خطأ غير متوقع. حُفظت التفاصيل في {path}</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Articles</source>
            <translation>المقالات</translation>
        </message>
        <message>
            <source>Hits (the concordance)</source>
            <translation>المطابقات (الكشاف السياقي)</translation>
        </message>
        <message>
            <source>Entities</source>
            <translation>الكيانات</translation>
        </message>
        <message>
            <source>Mentions</source>
            <translation>الإشارات</translation>
        </message>
        <message>
            <source>About (what was exported, and how)</source>
            <translation>حول التصدير (ما صُدِّر وكيف)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>تصدير</translation>
        </message>
        <message>
            <source>What to export</source>
            <translation>ما يُصدَّر</translation>
        </message>
        <message>
            <source>The &amp;selection</source>
            <translation>المجموعة ال&amp;مختارة</translation>
        </message>
        <message>
            <source>{name} ({count})</source>
            <translation>{name} (المقالات: {count})</translation>
        </message>
        <message numerus="yes">
            <source>The current &amp;results (%Ln articles)</source>
            <translation>
                <numerusform>ال&amp;نتائج الحالية (لا مقالات)</numerusform>
                <numerusform>ال&amp;نتائج الحالية (مقالة واحدة)</numerusform>
                <numerusform>ال&amp;نتائج الحالية (مقالتان)</numerusform>
                <numerusform>ال&amp;نتائج الحالية (%Ln مقالات)</numerusform>
                <numerusform>ال&amp;نتائج الحالية (%Ln مقالة)</numerusform>
                <numerusform>ال&amp;نتائج الحالية (%Ln مقالة)</numerusform>
            </translation>
        </message>
        <message>
            <source>The whole &amp;corpus</source>
            <translation>ال&amp;مدوّنة كلها</translation>
        </message>
        <message>
            <source>a file ending in .xlsx, .csv or .jsonl</source>
            <translation>ملف ينتهي اسمه بـ .xlsx أو .csv أو .jsonl</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>ا&amp;ختيار…</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>الملف:</translation>
        </message>
        <message>
            <source>Tables</source>
            <translation>الجداول</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;تصدير</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>&amp;Open the file</source>
            <translation>&amp;فتح الملف</translation>
        </message>
        <message>
            <source>Show in &amp;folder</source>
            <translation>إظهاره في ال&amp;مجلد</translation>
        </message>
        <message>
            <source>Another export is running; wait for it to finish.</source>
            <translation>يجري تصدير آخر؛ انتظر حتى ينتهي.</translation>
        </message>
        <message>
            <source>Exporting to {file}…</source>
            <translation>جارٍ التصدير إلى {file}…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>جارٍ الإلغاء…</translation>
        </message>
        <message>
            <source>The file name must end in .xlsx, .csv or .jsonl.</source>
            <translation>يجب أن ينتهي اسم الملف بـ .xlsx أو .csv أو .jsonl.</translation>
        </message>
        <message>
            <source>Choose at least one table.</source>
            <translation>اختر جدولًا واحدًا على الأقل.</translation>
        </message>
        <message>
            <source>A .csv or .jsonl file holds one table: tick only one (or export to .xlsx).</source>
            <translation>يحمل ملف .csv أو .jsonl جدولًا واحدًا: حدّد جدولًا واحدًا فقط (أو صدّر إلى .xlsx).</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>export.xlsx</source>
            <translation>تصدير.xlsx</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>التصدير إلى</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;JSON Lines (*.jsonl)</source>
            <translation>مصنف Excel ‏(*.xlsx);;CSV بترميز UTF-8 ‏(*.csv);;JSON Lines ‏(*.jsonl)</translation>
        </message>
        <message>
            <source>The export was cancelled: no file was written (an existing file was left as it was).</source>
            <translation>أُلغي التصدير: لم يُكتب أي ملف (وبقي الملف الموجود من قبل على حاله).</translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln articles to {file} in {seconds} s.</source>
            <translation>
                <numerusform>لم تُصدَّر أي مقالة إلى {file} (في {seconds} ث).</numerusform>
                <numerusform>صُدِّرت مقالة واحدة إلى {file} في {seconds} ث.</numerusform>
                <numerusform>صُدِّرت مقالتان إلى {file} في {seconds} ث.</numerusform>
                <numerusform>صُدِّرت %Ln مقالات إلى {file} في {seconds} ث.</numerusform>
                <numerusform>صُدِّرت %Ln مقالة إلى {file} في {seconds} ث.</numerusform>
                <numerusform>صُدِّرت %Ln مقالة إلى {file} في {seconds} ث.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln of them are missing from the corpus (exported as remembered).</source>
            <translation>
                <numerusform>ليس بينها مقالات مفقودة من المدوّنة.</numerusform>
                <numerusform>واحدة منها مفقودة من المدوّنة (صُدِّرت كما حُفظت).</numerusform>
                <numerusform>اثنتان منها مفقودتان من المدوّنة (صُدِّرتا كما حُفظتا).</numerusform>
                <numerusform>%Ln منها مفقودة من المدوّنة (صُدِّرت كما حُفظت).</numerusform>
                <numerusform>%Ln منها مفقودة من المدوّنة (صُدِّرت كما حُفظت).</numerusform>
                <numerusform>%Ln منها مفقودة من المدوّنة (صُدِّرت كما حُفظت).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln cells that began like a formula (=, +, -, @) kept as text</source>
            <translation>
                <numerusform>لم تُحفظ أي خلية تبدأ كصيغة (=، +، -، @) نصًّا</numerusform>
                <numerusform>حُفظت خلية واحدة تبدأ كصيغة (=، +، -، @) نصًّا</numerusform>
                <numerusform>حُفظت خليتان تبدآن كصيغة (=، +، -، @) نصًّا</numerusform>
                <numerusform>حُفظت %Ln خلايا تبدأ كصيغة (=، +، -، @) نصًّا</numerusform>
                <numerusform>حُفظت %Ln خلية تبدأ كصيغة (=، +، -، @) نصًّا</numerusform>
                <numerusform>حُفظت %Ln خلية تبدأ كصيغة (=، +، -، @) نصًّا</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln texts too long for one cell continued in the next columns</source>
            <translation>
                <numerusform>لا نص أطول من أن تسعه خلية واحدة</numerusform>
                <numerusform>نص واحد أطول من أن تسعه خلية واحدة أُكمل في الأعمدة التالية</numerusform>
                <numerusform>نصان أطول من أن تسعهما خلية واحدة أُكملا في الأعمدة التالية</numerusform>
                <numerusform>%Ln نصوص أطول من أن تسعها خلية واحدة أُكملت في الأعمدة التالية</numerusform>
                <numerusform>%Ln نصًّا أطول من أن تسعه خلية واحدة أُكمل في الأعمدة التالية</numerusform>
                <numerusform>%Ln نص أطول من أن تسعه خلية واحدة أُكمل في الأعمدة التالية</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln characters a spreadsheet cannot hold removed</source>
            <translation>
                <numerusform>لم يُحذف أي محرف لا تقبله جداول البيانات</numerusform>
                <numerusform>حُذف محرف واحد لا تقبله جداول البيانات</numerusform>
                <numerusform>حُذف محرفان لا تقبلهما جداول البيانات</numerusform>
                <numerusform>حُذفت %Ln محارف لا تقبلها جداول البيانات</numerusform>
                <numerusform>حُذف %Ln محرفًا لا تقبلها جداول البيانات</numerusform>
                <numerusform>حُذف %Ln محرف لا تقبلها جداول البيانات</numerusform>
            </translation>
        </message>
        <message>
            <source>; </source>
            <translation>؛ </translation>
        </message>
        <message>
            <source>Cleaned for safety: {changes} (the About sheet lists them).</source>
            <translation>نُظِّف النص للأمان: {changes} (تسردها ورقة «حول التصدير»).</translation>
        </message>
        <message>
            <source>Cleaned for safety: {changes}.</source>
            <translation>نُظِّف النص للأمان: {changes}.</translation>
        </message>
        <message>
            <source>The export failed: {reason}</source>
            <translation>تعذّر التصدير: {reason}</translation>
        </message>
    </context>
    <context>
        <name>HitDelegate</name>
        <message>
            <source>▴ {count} similar</source>
            <translation>▴ {count} مشابهة</translation>
        </message>
        <message>
            <source>+{count} similar</source>
            <translation>+{count} مشابهة</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>قارن</translation>
        </message>
    </context>
    <context>
        <name>IndexStatus</name>
        <message>
            <source>Corpus: {name}</source>
            <translation>المدونة: {name}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln articles</source>
            <translation>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>مقالة واحدة</numerusform>
                <numerusform>مقالتان</numerusform>
                <numerusform>%Ln مقالات</numerusform>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>%Ln مقالة</numerusform>
            </translation>
        </message>
        <message>
            <source>No corpus open</source>
            <translation>لا توجد مدونة مفتوحة</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>جارٍ الفتح…</translation>
        </message>
        <message>
            <source>Index open</source>
            <translation>الفهرس مفتوح</translation>
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
            <source>Indexing cancelled: partial index</source>
            <translation>أُلغيت الفهرسة: الفهرس جزئي</translation>
        </message>
        <message>
            <source>Index up to date</source>
            <translation>الفهرس محدَّث</translation>
        </message>
        <message>
            <source>Indexing failed</source>
            <translation>فشلت الفهرسة</translation>
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
        <message numerus="yes">
            <source>{done} of ~%Ln articles</source>
            <translation>
                <numerusform>{done} من نحو %Ln مقالة</numerusform>
                <numerusform>{done} من نحو مقالة واحدة</numerusform>
                <numerusform>{done} من نحو مقالتين</numerusform>
                <numerusform>{done} من نحو %Ln مقالات</numerusform>
                <numerusform>{done} من نحو %Ln مقالة</numerusform>
                <numerusform>{done} من نحو %Ln مقالة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln articles</source>
            <translation>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>مقالة واحدة</numerusform>
                <numerusform>مقالتان</numerusform>
                <numerusform>%Ln مقالات</numerusform>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>%Ln مقالة</numerusform>
            </translation>
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
            <source>binary</source>
            <translation>ملف ثنائي</translation>
        </message>
        <message>
            <source>encoding</source>
            <translation>ترميز</translation>
        </message>
        <message>
            <source>permission</source>
            <translation>صلاحيات</translation>
        </message>
        <message>
            <source>vanished</source>
            <translation>اختفى</translation>
        </message>
        <message>
            <source>too large</source>
            <translation>كبير جدًا</translation>
        </message>
        <message>
            <source>empty</source>
            <translation>فارغ</translation>
        </message>
        <message>
            <source>parse error</source>
            <translation>خطأ في التحليل</translation>
        </message>
        <message>
            <source>link outside the corpus</source>
            <translation>رابط إلى خارج المدوّنة</translation>
        </message>
        <message>
            <source>link loop</source>
            <translation>رابط دائري</translation>
        </message>
        <message>
            <source>broken link</source>
            <translation>رابط معطوب</translation>
        </message>
        <message>
            <source>indexing error</source>
            <translation>خطأ في الفهرسة</translation>
        </message>
        <message>
            <source>invalid records left out</source>
            <translation>سجلات غير صالحة أُسقطت</translation>
        </message>
        <message>
            <source>empty records left out</source>
            <translation>سجلات فارغة أُسقطت</translation>
        </message>
        <message>
            <source>records too large, left out</source>
            <translation>سجلات كبيرة جدًا أُسقطت</translation>
        </message>
        <message>
            <source>unclosed quote</source>
            <translation>علامة اقتباس غير مغلقة</translation>
        </message>
        <message>
            <source>reading stopped early</source>
            <translation>توقفت القراءة قبل النهاية</translation>
        </message>
        <message>
            <source>invalid bytes replaced</source>
            <translation>استُبدلت بايتات غير صالحة</translation>
        </message>
        <message>
            <source>invalid characters replaced</source>
            <translation>استُبدلت محارف غير صالحة</translation>
        </message>
        <message>
            <source>control characters removed</source>
            <translation>حُذفت محارف تحكّم</translation>
        </message>
        <message numerus="yes">
            <source>Skipped files: %Ln</source>
            <translation>
                <numerusform>الملفات المتخطاة: %Ln</numerusform>
                <numerusform>الملفات المتخطاة: %Ln</numerusform>
                <numerusform>الملفات المتخطاة: %Ln</numerusform>
                <numerusform>الملفات المتخطاة: %Ln</numerusform>
                <numerusform>الملفات المتخطاة: %Ln</numerusform>
                <numerusform>الملفات المتخطاة: %Ln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Files with warnings: %Ln</source>
            <translation>
                <numerusform>ملفات فيها تحذيرات: %Ln</numerusform>
                <numerusform>ملفات فيها تحذيرات: %Ln</numerusform>
                <numerusform>ملفات فيها تحذيرات: %Ln</numerusform>
                <numerusform>ملفات فيها تحذيرات: %Ln</numerusform>
                <numerusform>ملفات فيها تحذيرات: %Ln</numerusform>
                <numerusform>ملفات فيها تحذيرات: %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source>grouping the spellings of entities…</source>
            <translation>جارٍ تجميع تهجئات الكيانات…</translation>
        </message>
        <message>
            <source>Cancelling, keeping the work done so far…</source>
            <translation>جارٍ الإلغاء مع الاحتفاظ بما أُنجز حتى الآن…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Entities</source>
            <translation>الكيانات</translation>
        </message>
        <message>
            <source>Selections</source>
            <translation>المجموعات المختارة</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>المقالات</translation>
        </message>
        <message>
            <source>Concordance</source>
            <translation>الكشاف السياقي</translation>
        </message>
        <message>
            <source>Every occurrence of the query, aligned on the match (Ctrl+K)</source>
            <translation>كل مواضع الاستعلام، مصفوفة على المطابقة (Ctrl+K)</translation>
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
            <source>Arabic News Workbench</source>
            <translation>منصة بحث الأخبار العربية</translation>
        </message>
        <message>
            <source>searching {indexed} of ~{expected} articles; indexing continues</source>
            <translation>يجري البحث في {indexed} من نحو {expected} مقالة؛ والفهرسة مستمرة</translation>
        </message>
        <message>
            <source>searching the {indexed} articles indexed so far; indexing continues</source>
            <translation>يجري البحث في المقالات المفهرسة حتى الآن ({indexed})؛ والفهرسة مستمرة</translation>
        </message>
        <message>
            <source>The index was rebuilt: {reason}</source>
            <translation>أُعيد بناء الفهرس: {reason}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln files could not be indexed; see the list of skipped files below.</source>
            <translation>
                <numerusform>تعذّرت فهرسة %Ln ملف؛ انظر قائمة الملفات المتخطاة أدناه.</numerusform>
                <numerusform>تعذّرت فهرسة ملف واحد؛ انظر قائمة الملفات المتخطاة أدناه.</numerusform>
                <numerusform>تعذّرت فهرسة ملفين؛ انظر قائمة الملفات المتخطاة أدناه.</numerusform>
                <numerusform>تعذّرت فهرسة %Ln ملفات؛ انظر قائمة الملفات المتخطاة أدناه.</numerusform>
                <numerusform>تعذّرت فهرسة %Ln ملفًا؛ انظر قائمة الملفات المتخطاة أدناه.</numerusform>
                <numerusform>تعذّرت فهرسة %Ln ملف؛ انظر قائمة الملفات المتخطاة أدناه.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Indexing was cancelled. The %Ln articles indexed so far can be searched; update the index to finish.</source>
            <translation>
                <numerusform>أُلغيت الفهرسة ولم تُفهرس أي مقالة بعد؛ حدّث الفهرس لإكمالها.</numerusform>
                <numerusform>أُلغيت الفهرسة. يمكن البحث في المقالة الوحيدة المفهرسة حتى الآن؛ حدّث الفهرس لإكمالها.</numerusform>
                <numerusform>أُلغيت الفهرسة. يمكن البحث في المقالتين المفهرستين حتى الآن؛ حدّث الفهرس لإكمالها.</numerusform>
                <numerusform>أُلغيت الفهرسة. يمكن البحث في %Ln مقالات فُهرست حتى الآن؛ حدّث الفهرس لإكمالها.</numerusform>
                <numerusform>أُلغيت الفهرسة. يمكن البحث في %Ln مقالة فُهرست حتى الآن؛ حدّث الفهرس لإكمالها.</numerusform>
                <numerusform>أُلغيت الفهرسة. يمكن البحث في %Ln مقالة فُهرست حتى الآن؛ حدّث الفهرس لإكمالها.</numerusform>
            </translation>
        </message>
        <message>
            <source>Indexed in {seconds} s: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged.</source>
            <translation>اكتملت الفهرسة في {seconds} ث: أُضيف {added}، وتغيّر {changed}، وحُذف {removed}، ولم يتغيّر {unchanged}.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln articles listed, newest first</source>
            <translation>
                <numerusform>%Ln مقالة معروضة، الأحدث أولًا</numerusform>
                <numerusform>مقالة واحدة معروضة، الأحدث أولًا</numerusform>
                <numerusform>مقالتان معروضتان، الأحدث أولًا</numerusform>
                <numerusform>%Ln مقالات معروضة، الأحدث أولًا</numerusform>
                <numerusform>%Ln مقالة معروضة، الأحدث أولًا</numerusform>
                <numerusform>%Ln مقالة معروضة، الأحدث أولًا</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln articles listed</source>
            <translation>
                <numerusform>%Ln مقالة معروضة</numerusform>
                <numerusform>مقالة واحدة معروضة</numerusform>
                <numerusform>مقالتان معروضتان</numerusform>
                <numerusform>%Ln مقالات معروضة</numerusform>
                <numerusform>%Ln مقالة معروضة</numerusform>
                <numerusform>%Ln مقالة معروضة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln articles match “{query}”</source>
            <translation>
                <numerusform>لا تطابق أي مقالة «{query}»</numerusform>
                <numerusform>مقالة واحدة تطابق «{query}»</numerusform>
                <numerusform>مقالتان تطابقان «{query}»</numerusform>
                <numerusform>%Ln مقالات تطابق «{query}»</numerusform>
                <numerusform>%Ln مقالة تطابق «{query}»</numerusform>
                <numerusform>%Ln مقالة تطابق «{query}»</numerusform>
            </translation>
        </message>
        <message>
            <source>My selection</source>
            <translation>مجموعتي المختارة</translation>
        </message>
        <message>
            <source>Citation copied: {citation}</source>
            <translation>نُسخت الإحالة: {citation}</translation>
        </message>
        <message>
            <source>Open corpus folder</source>
            <translation>فتح مجلد مدونة</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Merge entities</source>
            <translation>دمج الكيانات</translation>
        </message>
        <message>
            <source>Merge {names} into:</source>
            <translation>دمج {names} في:</translation>
        </message>
        <message>
            <source>Merge {count} entities ({names}) into:</source>
            <translation>دمج الكيانات (العدد: {count}؛ {names}) في:</translation>
        </message>
        <message>
            <source>Type a name or an alias</source>
            <translation>اكتب اسمًا أو اسمًا بديلًا</translation>
        </message>
        <message>
            <source>{name} — {type}, {count} articles</source>
            <translation>{name} — {type}، المقالات: {count}</translation>
        </message>
        <message>
            <source>Also written: {aliases}</source>
            <translation>يُكتب أيضًا: {aliases}</translation>
        </message>
        <message>
            <source>No entity matches.</source>
            <translation>لا يوجد كيان مطابق.</translation>
        </message>
    </context>
    <context>
        <name>Quotes</name>
        <message>
            <source>Quotation by {speaker}</source>
            <translation>اقتباس على لسان {speaker}</translation>
        </message>
        <message>
            <source>Quotation</source>
            <translation>اقتباس</translation>
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message>
            <source>Previous match</source>
            <translation>المطابقة السابقة</translation>
        </message>
        <message>
            <source>Previous match (Shift+F3)</source>
            <translation>المطابقة السابقة (Shift+F3)</translation>
        </message>
        <message>
            <source>Next match</source>
            <translation>المطابقة التالية</translation>
        </message>
        <message>
            <source>Next match (F3)</source>
            <translation>المطابقة التالية (F3)</translation>
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
            <source>Compare with…</source>
            <translation>قارن مع…</translation>
        </message>
        <message>
            <source>Compare this article with another result side by side</source>
            <translation>قارن هذه المقالة بنتيجة أخرى جنبًا إلى جنب</translation>
        </message>
        <message>
            <source>Entities:</source>
            <translation>الكيانات:</translation>
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
            <source>In the current selection (click or Space to tick)</source>
            <translation>في المجموعة المختارة الحالية (انقر أو اضغط المسافة للتحديد)</translation>
        </message>
        <message>
            <source>Similar copies from: {sources}</source>
            <translation>نسخ مشابهة من: {sources}</translation>
        </message>
        <message>
            <source>Tags: {tags}</source>
            <translation>الوسوم: {tags}</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>الملاحظة: {note}</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search</source>
            <translation>بحث</translation>
        </message>
        <message>
            <source>Search syntax</source>
            <translation>صيغة البحث</translation>
        </message>
        <message>
            <source>Search the corpus, e.g. لافروف حلب; empty: every article (Ctrl+F)</source>
            <translation>ابحث في المدوّنة، مثلًا: لافروف حلب؛ اتركه فارغًا لكل المقالات (Ctrl+F)</translation>
        </message>
        <message>
            <source>Sources:</source>
            <translation>المصادر:</translation>
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
            <source>Oldest first</source>
            <translation>الأقدم أولًا</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>المصدر</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Every article (an empty query) is listed newest first by relevance</source>
            <translation>عند الترتيب حسب الصلة تُعرض كل المقالات (باستعلام فارغ) من الأحدث إلى الأقدم</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>سنة-شهر-يوم</translation>
        </message>
        <message numerus="yes">
            <source>Every article: %Ln</source>
            <translation>
                <numerusform>كل المقالات: %Ln</numerusform>
                <numerusform>كل المقالات: %Ln</numerusform>
                <numerusform>كل المقالات: %Ln</numerusform>
                <numerusform>كل المقالات: %Ln</numerusform>
                <numerusform>كل المقالات: %Ln</numerusform>
                <numerusform>كل المقالات: %Ln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln articles</source>
            <translation>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>مقالة واحدة</numerusform>
                <numerusform>مقالتان</numerusform>
                <numerusform>%Ln مقالات</numerusform>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>%Ln مقالة</numerusform>
            </translation>
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
            <source>from {date}</source>
            <translation>من {date}</translation>
        </message>
        <message>
            <source>to {date}</source>
            <translation>إلى {date}</translation>
        </message>
        <message>
            <source>also matched: {variants}</source>
            <translation>طوبقت أيضًا: {variants}</translation>
        </message>
    </context>
    <context>
        <name>SelectionsPanel</name>
        <message>
            <source>&amp;New…</source>
            <translation>&amp;جديدة…</translation>
        </message>
        <message>
            <source>Make a new selection; ticks go into it (Ctrl+Shift+N)</source>
            <translation>أنشئ مجموعة مختارة جديدة تذهب إليها المقالات المحددة (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>&amp;Show</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <source>List this selection's articles as the results (Enter)</source>
            <translation>اعرض مقالات هذه المجموعة نتائجَ للبحث (Enter)</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>إعادة ت&amp;سمية…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;حذف…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;تصدير…</translation>
        </message>
        <message>
            <source>&amp;Compare</source>
            <translation>&amp;قارن</translation>
        </message>
        <message>
            <source>Compare this selection's articles side by side (two to four)</source>
            <translation>قارن مقالات هذه المجموعة المختارة جنبًا إلى جنب (من مقالتين إلى أربع)</translation>
        </message>
        <message>
            <source>Click a selection to tick articles into it; double-click to list its articles.</source>
            <translation>انقر مجموعة لتذهب إليها المقالات التي تحددها؛ وانقر مرتين لعرض مقالاتها.</translation>
        </message>
        <message>
            <source>New selection</source>
            <translation>مجموعة مختارة جديدة</translation>
        </message>
        <message>
            <source>Name of the new selection:</source>
            <translation>اسم المجموعة المختارة الجديدة:</translation>
        </message>
        <message>
            <source>Rename selection</source>
            <translation>إعادة تسمية المجموعة المختارة</translation>
        </message>
        <message>
            <source>New name of {name}:</source>
            <translation>الاسم الجديد لـ{name}:</translation>
        </message>
        <message>
            <source>Delete the selection “{name}”? Its articles keep their tags and notes.</source>
            <translation>أتحذف المجموعة المختارة «{name}»؟ تبقى لمقالاتها وسومها وملاحظاتها.</translation>
        </message>
        <message>
            <source>Delete selection</source>
            <translation>حذف المجموعة المختارة</translation>
        </message>
        <message>
            <source>{name} ({count}, {missing} missing)</source>
            <translation>{name} ({count}، المفقودة: {missing})</translation>
        </message>
        <message>
            <source>{name} ({count})</source>
            <translation>{name} (المقالات: {count})</translation>
        </message>
        <message numerus="yes">
            <source>%Ln articles</source>
            <translation>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>مقالة واحدة</numerusform>
                <numerusform>مقالتان</numerusform>
                <numerusform>%Ln مقالات</numerusform>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>%Ln مقالة</numerusform>
            </translation>
        </message>
        <message>
            <source>Ticked articles go into this selection.</source>
            <translation>تذهب المقالات التي تحددها إلى هذه المجموعة.</translation>
        </message>
        <message>
            <source>Missing (their file is no longer in the corpus):</source>
            <translation>مفقودة (لم يعد ملفها في المدوّنة):</translation>
        </message>
        <message numerus="yes">
            <source>… and %Ln more</source>
            <translation>
                <numerusform>…</numerusform>
                <numerusform>… ومقالة أخرى</numerusform>
                <numerusform>… ومقالتان أخريان</numerusform>
                <numerusform>… و%Ln مقالات أخرى</numerusform>
                <numerusform>… و%Ln مقالة أخرى</numerusform>
                <numerusform>… و%Ln مقالة أخرى</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>Interface language:</source>
            <translation>لغة الواجهة:</translation>
        </message>
        <message>
            <source>Digits:</source>
            <translation>الأرقام:</translation>
        </message>
        <message>
            <source>Reader text size:</source>
            <translation>حجم نص القارئ:</translation>
        </message>
        <message>
            <source>Western (0123)</source>
            <translation>غربية (0123)</translation>
        </message>
        <message>
            <source>Arabic-Indic (٠١٢٣)</source>
            <translation>مشرقية (٠١٢٣)</translation>
        </message>
    </context>
    <context>
        <name>SourceFilterButton</name>
        <message>
            <source>All sources</source>
            <translation>كل المصادر</translation>
        </message>
        <message>
            <source>Only articles from the ticked sources (none ticked: all)</source>
            <translation>المقالات من المصادر المحددة فقط (إن لم يُحدَّد مصدر: كلها)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln sources</source>
            <translation>
                <numerusform>%Ln مصدر</numerusform>
                <numerusform>مصدر واحد</numerusform>
                <numerusform>مصدران</numerusform>
                <numerusform>%Ln مصادر</numerusform>
                <numerusform>%Ln مصدرًا</numerusform>
                <numerusform>%Ln مصدر</numerusform>
            </translation>
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
            <source>every article (or leave the box empty)</source>
            <translation>كل المقالات (أو اترك المربع فارغًا)</translation>
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
        <name>TimelineWidget</name>
        <message numerus="yes">
            <source>None of these %Ln articles has a date</source>
            <translation>
                <numerusform>لا تاريخ لأي من هذه المقالات</numerusform>
                <numerusform>هذه المقالة بلا تاريخ</numerusform>
                <numerusform>هاتان المقالتان بلا تاريخ</numerusform>
                <numerusform>لا تاريخ لأي من هذه المقالات الـ%Ln</numerusform>
                <numerusform>لا تاريخ لأي من هذه المقالات الـ%Ln</numerusform>
                <numerusform>لا تاريخ لأي من هذه المقالات الـ%Ln</numerusform>
            </translation>
        </message>
        <message>
            <source>No dated articles to show over time</source>
            <translation>لا توجد مقالات مؤرخة لعرضها عبر الزمن</translation>
        </message>
        <message numerus="yes">
            <source>highest bar: %Ln articles</source>
            <translation>
                <numerusform>أعلى عمود: %Ln مقالة</numerusform>
                <numerusform>أعلى عمود: مقالة واحدة</numerusform>
                <numerusform>أعلى عمود: مقالتان</numerusform>
                <numerusform>أعلى عمود: %Ln مقالات</numerusform>
                <numerusform>أعلى عمود: %Ln مقالة</numerusform>
                <numerusform>أعلى عمود: %Ln مقالة</numerusform>
            </translation>
        </message>
        <message>
            <source>per day</source>
            <translation>في اليوم</translation>
        </message>
        <message>
            <source>per week</source>
            <translation>في الأسبوع</translation>
        </message>
        <message>
            <source>per month</source>
            <translation>في الشهر</translation>
        </message>
        <message>
            <source>others</source>
            <translation>أخرى</translation>
        </message>
        <message numerus="yes">
            <source>%Ln articles</source>
            <translation>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>مقالة واحدة</numerusform>
                <numerusform>مقالتان</numerusform>
                <numerusform>%Ln مقالات</numerusform>
                <numerusform>%Ln مقالة</numerusform>
                <numerusform>%Ln مقالة</numerusform>
            </translation>
        </message>
        <message>
            <source>Drag to choose dates; double-click to clear them</source>
            <translation>اسحب لاختيار التواريخ؛ انقر مرتين لمسحها</translation>
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
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
            <source>&amp;Export…</source>
            <translation>&amp;تصدير…</translation>
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
            <source>&amp;Browse every article</source>
            <translation>&amp;تصفح كل المقالات</translation>
        </message>
        <message>
            <source>Search &amp;syntax</source>
            <translation>&amp;صيغة البحث</translation>
        </message>
        <message>
            <source>One article per &amp;story</source>
            <translation>مقالة واحدة لكل &amp;خبر</translation>
        </message>
        <message>
            <source>Leave near-duplicate copies of a story out of the results</source>
            <translation>استبعد النسخ شبه المكررة من الخبر نفسه من النتائج</translation>
        </message>
        <message>
            <source>Co&amp;mpare selected articles</source>
            <translation>&amp;قارن المقالات المحددة</translation>
        </message>
        <message>
            <source>Compare two to four selected results side by side (Ctrl+D)</source>
            <translation>قارن بين نتيجتين وأربع نتائج محددة جنبًا إلى جنب (Ctrl+D)</translation>
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
            <source>&amp;Selections</source>
            <translation>المجموعات ال&amp;مختارة</translation>
        </message>
        <message>
            <source>&amp;Timeline</source>
            <translation>&amp;الخط الزمني</translation>
        </message>
        <message>
            <source>&amp;Concordance</source>
            <translation>ال&amp;كشاف السياقي</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;الإعدادات…</translation>
        </message>
        <message>
            <source>Se&amp;lection</source>
            <translation>المجموعات ال&amp;مختارة</translation>
        </message>
        <message>
            <source>&amp;Tick or untick</source>
            <translation>&amp;تحديد أو إلغاء التحديد</translation>
        </message>
        <message>
            <source>Put the chosen articles in the current selection, or take them out (Space)</source>
            <translation>ضع المقالات المختارة في المجموعة المختارة الحالية أو أخرجها منها (مسافة)</translation>
        </message>
        <message>
            <source>&amp;Tick or untick the article</source>
            <translation>&amp;تحديد المقالة أو إلغاء تحديدها</translation>
        </message>
        <message>
            <source>&amp;Add all results to the selection</source>
            <translation>إ&amp;ضافة كل النتائج إلى المجموعة المختارة</translation>
        </message>
        <message>
            <source>&amp;New selection…</source>
            <translation>مجموعة مختارة &amp;جديدة…</translation>
        </message>
        <message>
            <source>Write a n&amp;ote</source>
            <translation>كتابة &amp;ملاحظة</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>م&amp;ساعدة</translation>
        </message>
        <message>
            <source>&amp;About…</source>
            <translation>&amp;حول البرنامج…</translation>
        </message>
        <message>
            <source>Clear list</source>
            <translation>مسح القائمة</translation>
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
