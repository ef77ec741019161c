<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AdminTabs</name>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>الحساب</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>مقفل حتى</translation>
    </message>
    <message>
        <source>Failed log-ins</source>
        <translation>محاولات دخول فاشلة</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>تغيير الدور…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>تعطيل</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>تفعيل</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>إلغاء القفل</translation>
    </message>
    <message>
        <source>Every change is checked by the store and written to the audit log.</source>
        <translation>يتحقق المخزن من كل تغيير ويُسجَّل في سجل التدقيق.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>معطّل</translation>
    </message>
    <message>
        <source>active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>تغيير الدور</translation>
    </message>
    <message>
        <source>New role for {user}:</source>
        <translation>الدور الجديد لـ {user}:</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>لم يتغير</translation>
    </message>
    <message>
        <source>What it concerns (a user, a case id)</source>
        <translation>ما يخصه (مستخدم، معرّف حالة)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>رقم</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>يخص</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>{n} newest entries; `mpox-kiosk verify-audit` checks the whole chain.</source>
        <translation>أحدث {n} إدخالات؛ يتحقق `mpox-kiosk verify-audit` من السلسلة كاملة.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>FLAG · suspected {cls}</source>
        <translation>تنبيه · اشتباه في {cls}</translation>
    </message>
    <message>
        <source>REVIEW · manual review needed</source>
        <translation>مراجعة · يلزم فحص يدوي</translation>
    </message>
    <message>
        <source>CLEAR · {cls}</source>
        <translation>لا تنبيه · {cls}</translation>
    </message>
    <message>
        <source>RETAKE · image not usable</source>
        <translation>إعادة التصوير · الصورة غير صالحة</translation>
    </message>
    <message>
        <source>Ready · press Capture</source>
        <translation>جاهز · اضغط «التقاط»</translation>
    </message>
    <message>
        <source>SCREENING UNAVAILABLE</source>
        <translation>الفحص غير متاح</translation>
    </message>
    <message>
        <source>LOGGED OFF · log in to screen</source>
        <translation>تم تسجيل الخروج · سجّل الدخول لبدء الفحص</translation>
    </message>
    <message>
        <source>RETAKE · not a skin close-up</source>
        <translation>إعادة التصوير · ليست صورة مقرّبة للجلد</translation>
    </message>
    <message>
        <source>REVIEW · condition not recognised</source>
        <translation>مراجعة · حالة غير معروفة</translation>
    </message>
    <message>
        <source>REVIEW · the model failed</source>
        <translation>مراجعة · فشل النموذج</translation>
    </message>
    <message>
        <source>Screen this traveller by hand</source>
        <translation>افحص هذا المسافر يدويًا</translation>
    </message>
    <message>
        <source>Send to secondary screening</source>
        <translation>أحِل المسافر إلى الفحص الثانوي</translation>
    </message>
    <message>
        <source>Hold the traveller and ask the duty clinician</source>
        <translation>أوقف المسافر واستدعِ الطبيب المناوب</translation>
    </message>
    <message>
        <source>Let the traveller pass</source>
        <translation>اسمح للمسافر بالمرور</translation>
    </message>
    <message>
        <source>Take the picture again</source>
        <translation>أعد التقاط الصورة</translation>
    </message>
    <message>
        <source>Hold the camera steady, closer, in good light</source>
        <translation>ثبّت الكاميرا وقرّبها واستخدم إضاءة جيدة</translation>
    </message>
    <message>
        <source>Point the camera at the affected skin</source>
        <translation>وجّه الكاميرا نحو الجلد المصاب</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>The camera cannot be opened: check that it is plugged in and not used by another program, or choose another camera.</source>
        <translation>تعذّر فتح الكاميرا: تحقّق من أنها موصولة وأن أي برنامج آخر لا يستخدمها، أو اختر كاميرا أخرى.</translation>
    </message>
    <message>
        <source>The configured picture source cannot be opened: choose a camera, or call your administrator.</source>
        <translation>تعذّر فتح مصدر الصور المُعدّ: اختر كاميرا، أو اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>The camera could not be started: choose another camera, or call your administrator.</source>
        <translation>تعذّر تشغيل الكاميرا: اختر كاميرا أخرى، أو اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>No new picture for {seconds:.1f} s: the camera may be unplugged, used by another program or frozen.</source>
        <translation>لا توجد صورة جديدة منذ {seconds:.1f} ث: قد تكون الكاميرا مفصولة، أو يستخدمها برنامج آخر، أو متجمّدة.</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures (reading failed).</source>
        <translation>توقفت الكاميرا عن إرسال الصور (فشلت القراءة).</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures.</source>
        <translation>توقفت الكاميرا عن إرسال الصور.</translation>
    </message>
    <message>
        <source>The camera delivers pictures of the wrong size or format: choose another camera.</source>
        <translation>ترسل الكاميرا صورًا بحجم أو تنسيق غير صحيح: اختر كاميرا أخرى.</translation>
    </message>
    <message>
        <source>Picture skipped because it could not be read: {file}</source>
        <translation>تم تخطّي صورة لتعذّر قراءتها: {file}</translation>
    </message>
    <message>
        <source>Trying again in {seconds:.0f} s.</source>
        <translation>محاولة جديدة بعد {seconds:.0f} ث.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>غير موجود</translation>
    </message>
    <message>
        <source>not a source</source>
        <translation>ليس مصدرًا</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Confirm case?</source>
        <translation>تأكيد الحالة؟</translation>
    </message>
    <message>
        <source>confirm it (send the traveller to secondary screening / PCR)</source>
        <translation>تأكيدها (إحالة المسافر إلى الفحص الثانوي / PCR)</translation>
    </message>
    <message>
        <source>Dismiss case?</source>
        <translation>استبعاد الحالة؟</translation>
    </message>
    <message>
        <source>dismiss it as a false alarm</source>
        <translation>استبعادها كإنذار كاذب</translation>
    </message>
    <message>
        <source>Refer case?</source>
        <translation>إحالة الحالة؟</translation>
    </message>
    <message>
        <source>refer it to another reviewer or service</source>
        <translation>إحالتها إلى مراجع أو جهة أخرى</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>الحالة {case_id}</translation>
    </message>
    <message>
        <source>image purged (retention) or unavailable</source>
        <translation>الصورة محذوفة (مدة الحفظ) أو غير متاحة</translation>
    </message>
    <message>
        <source>no heatmap</source>
        <translation>لا توجد خريطة حرارية</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>الاحتمال</translation>
    </message>
    <message>
        <source>Note (what was done, why)</source>
        <translation>ملاحظة (ما الذي تم ولماذا)</translation>
    </message>
    <message>
        <source>Turned out to be: choose…</source>
        <translation>تبيّن أنه: اختر…</translation>
    </message>
    <message>
        <source>Which condition (e.g. scabies)</source>
        <translation>أي حالة (مثل الجرب)</translation>
    </message>
    <message>
        <source>&amp;Confirm (send to PCR)</source>
        <translation>&amp;تأكيد (إرسال إلى PCR)</translation>
    </message>
    <message>
        <source>&amp;Dismiss (false alarm)</source>
        <translation>ا&amp;ستبعاد (إنذار كاذب)</translation>
    </message>
    <message>
        <source>&amp;Refer</source>
        <translation>إ&amp;حالة</translation>
    </message>
    <message>
        <source>Record &amp;label</source>
        <translation>تسجيل الت&amp;شخيص</translation>
    </message>
    <message>
        <source>PCR result: choose…</source>
        <translation>نتيجة PCR: اختر…</translation>
    </message>
    <message>
        <source>Record &amp;outcome</source>
        <translation>تسجيل ال&amp;نتيجة</translation>
    </message>
    <message>
        <source>History: {lines}</source>
        <translation>السجل: {lines}</translation>
    </message>
    <message>
        <source>not reviewed yet</source>
        <translation>لم تُراجَع بعد</translation>
    </message>
    <message>
        <source>Choose the PCR result first (positive or negative).</source>
        <translation>اختر نتيجة PCR أولًا (إيجابية أو سلبية).</translation>
    </message>
    <message>
        <source>Record outcome?</source>
        <translation>تسجيل النتيجة؟</translation>
    </message>
    <message>
        <source>record the outcome {outcome}</source>
        <translation>تسجيل النتيجة {outcome}</translation>
    </message>
    <message>
        <source>Choose what the case turned out to be first.</source>
        <translation>اختر أولاً ما تبيّن أن الحالة عليه.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: write why it changes in the note box, then press Record label again.</source>
        <translation>لهذه الحالة تشخيص مؤكد بالفعل: اكتب سبب تغييره في خانة الملاحظة، ثم اضغط تسجيل التشخيص مرة أخرى.</translation>
    </message>
    <message>
        <source>Record confirmed label?</source>
        <translation>تسجيل التشخيص المؤكد؟</translation>
    </message>
    <message>
        <source>record that it turned out to be: {label}</source>
        <translation>تسجيل أنه تبيّن أنه: {label}</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note: write why in the note box, then press Dismiss again.</source>
        <translation>استبعاد حالة مؤكدة يتطلب ملاحظة: اكتب السبب في خانة الملاحظة، ثم اضغط «استبعاد» مرة أخرى.</translation>
    </message>
    <message>
        <source>This change to a case with the status {status} needs a note: write why in the note box, then try again.</source>
        <translation>هذا التغيير على حالة بوضع {status} يتطلب ملاحظة: اكتب السبب في خانة الملاحظة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>Case {case_id} ({decision}, {cls}, now {status}): {what}?</source>
        <translation>الحالة {case_id} ({decision}، {cls}، حاليًا {status}): {what}؟</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>ملاحظة: {note}</translation>
    </message>
    <message>
        <source>No note.</source>
        <translation>لا توجد ملاحظة.</translation>
    </message>
    <message>
        <source>This is recorded with your name in the audit trail.</source>
        <translation>يُسجَّل هذا باسمك في سجل التدقيق.</translation>
    </message>
    <message>
        <source>The change could not be saved: the case database did not accept it ({error}). Try again; if it keeps failing, call your administrator.</source>
        <translation>تعذّر حفظ التغيير: لم تقبله قاعدة بيانات الحالات ({error}). أعد المحاولة؛ وإذا استمر الفشل فاتصل بالمسؤول.</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>Image</source>
        <translation>الصورة</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>المحطة</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>المشغّل</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>التنبؤ</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>الاحتمال</translation>
    </message>
    <message>
        <source>p(mpox)</source>
        <translation>p(mpox)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>رقم الحالة</translation>
    </message>
    <message>
        <source>Traveller ref.</source>
        <translation>مرجع المسافر</translation>
    </message>
    <message>
        <source>images purged</source>
        <translation>الصور محذوفة</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>لا صورة</translation>
    </message>
    <message>
        <source>The model&apos;s probability of mpox: a case is flagged when it reaches the flag threshold</source>
        <translation>احتمال جدري القردة وفق النموذج: تُنبَّه الحالة عندما يبلغ عتبة التنبيه</translation>
    </message>
</context>
<context>
    <name>CaseWording</name>
    <message>
        <source>PCR positive</source>
        <translation>PCR إيجابية</translation>
    </message>
    <message>
        <source>PCR negative</source>
        <translation>PCR سلبية</translation>
    </message>
    <message>
        <source>PCR not done</source>
        <translation>لم يُجرَ PCR</translation>
    </message>
    <message>
        <source>another condition</source>
        <translation>حالة أخرى</translation>
    </message>
    <message>
        <source>not skin</source>
        <translation>ليست جلداً</translation>
    </message>
    <message>
        <source>unknown (no diagnosis)</source>
        <translation>غير معروف (لا تشخيص)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>قيد الانتظار</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>مؤكدة</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>مستبعدة</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>محالة</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>أكّد</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>استبعد</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>أحال</translation>
    </message>
    <message>
        <source>recorded the outcome</source>
        <translation>سجّل النتيجة</translation>
    </message>
    <message>
        <source>recorded the confirmed label</source>
        <translation>سجّل التشخيص المؤكد</translation>
    </message>
    <message>
        <source>FLAG</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>لا تنبيه</translation>
    </message>
    <message>
        <source>RETAKE</source>
        <translation>إعادة التصوير</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>موظف</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>مراجع</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>مسؤول</translation>
    </message>
    <message>
        <source>a flagged class reached the flag threshold</source>
        <translation>بلغت فئة مُنبَّه عليها عتبة التنبيه</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>ثقة منخفضة</translation>
    </message>
    <message>
        <source>condition not recognised</source>
        <translation>حالة غير معروفة</translation>
    </message>
    <message>
        <source>not a skin close-up</source>
        <translation>ليست صورة مقرّبة للجلد</translation>
    </message>
    <message>
        <source>doubtful picture</source>
        <translation>صورة مشكوك فيها</translation>
    </message>
    <message>
        <source>confident result</source>
        <translation>نتيجة موثوقة</translation>
    </message>
    <message>
        <source>the model failed</source>
        <translation>فشل النموذج</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>الحدّة</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>السطوع</translation>
    </message>
    <message>
        <source>Burnt-out pixels</source>
        <translation>بكسلات مشبعة</translation>
    </message>
    <message>
        <source>Skin in view</source>
        <translation>الجلد الظاهر</translation>
    </message>
    <message>
        <source>{value} of 255</source>
        <translation>{value} من 255</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>الإسبانية</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>البرتغالية</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>الصينية المبسّطة</translation>
    </message>
    <message>
        <source>The picture may be used to improve the model (traveller agreed).</source>
        <translation>يجوز استخدام الصورة لتحسين النموذج (وافق المسافر).</translation>
    </message>
    <message>
        <source>The picture may NOT be used to improve the model.</source>
        <translation>لا يجوز استخدام الصورة لتحسين النموذج.</translation>
    </message>
    <message>
        <source>Notice: not recorded (the station did not ask for the traveller&apos;s agreement)</source>
        <translation>الإشعار: غير مسجَّل (لم تطلب المحطة موافقة المسافر)</translation>
    </message>
    <message>
        <source>shown for information (public-health basis)</source>
        <translation>عُرض للعلم (أساس الصحة العامة)</translation>
    </message>
    <message>
        <source>traveller agreed</source>
        <translation>وافق المسافر</translation>
    </message>
    <message>
        <source>traveller did not agree</source>
        <translation>لم يوافق المسافر</translation>
    </message>
    <message>
        <source>language not recorded</source>
        <translation>اللغة غير مسجَّلة</translation>
    </message>
    <message>
        <source>Notice: version {version} ({language}), {answer}</source>
        <translation>الإشعار: الإصدار {version} ({language})، {answer}</translation>
    </message>
    <message>
        <source>Flag threshold ({classes})</source>
        <translation>عتبة التنبيه ({classes})</translation>
    </message>
    <message>
        <source>Review threshold (top probability)</source>
        <translation>عتبة المراجعة (أعلى احتمال)</translation>
    </message>
    <message>
        <source>Condition-not-recognised threshold (open-set score)</source>
        <translation>عتبة الحالة غير المعروفة (درجة المجموعة المفتوحة)</translation>
    </message>
    <message>
        <source>Not-skin threshold (open-set score)</source>
        <translation>عتبة «ليس جلدًا» (درجة المجموعة المفتوحة)</translation>
    </message>
</context>
<context>
    <name>CaseWriter</name>
    <message>
        <source>Database busy: cases are kept on this computer and saved when it frees ({n} waiting)</source>
        <translation>قاعدة البيانات مشغولة: تُحفَظ الحالات على هذا الحاسوب وتُسجَّل عندما تتحرّر ({n} في الانتظار)</translation>
    </message>
    <message>
        <source>Database unreachable: cases are kept on this computer and saved when it is back ({n} waiting)</source>
        <translation>تعذّر الوصول إلى قاعدة البيانات: تُحفَظ الحالات على هذا الحاسوب وتُسجَّل عند عودتها ({n} في الانتظار)</translation>
    </message>
    <message>
        <source>Database cannot write (disk full or read-only): cases are kept on this computer ({n} waiting)</source>
        <translation>لا يمكن الكتابة في قاعدة البيانات (القرص ممتلئ أو للقراءة فقط): تُحفَظ الحالات على هذا الحاسوب ({n} في الانتظار)</translation>
    </message>
    <message>
        <source>A case could not be saved to the database and was set aside on this computer: call your administrator ({n} waiting)</source>
        <translation>تعذّر حفظ حالة في قاعدة البيانات فوُضعت جانبًا على هذا الحاسوب: اتصل بالمسؤول ({n} في الانتظار)</translation>
    </message>
    <message>
        <source>Database error: cases are kept on this computer ({n} waiting); see the log</source>
        <translation>خطأ في قاعدة البيانات: تُحفَظ الحالات على هذا الحاسوب ({n} في الانتظار)؛ راجِع السجلّ</translation>
    </message>
    <message>
        <source>Database OK: {written} saved, {n} waiting</source>
        <translation>قاعدة البيانات سليمة: {written} محفوظة، {n} في الانتظار</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>Mpox (monkeypox)</source>
        <translation>جدري القردة (إمبوكس)</translation>
    </message>
    <message>
        <source>Mpox</source>
        <translation>جدري القردة</translation>
    </message>
    <message>
        <source>Chickenpox</source>
        <translation>جدري الماء</translation>
    </message>
    <message>
        <source>Measles</source>
        <translation>الحصبة</translation>
    </message>
    <message>
        <source>Normal skin</source>
        <translation>جلد طبيعي</translation>
    </message>
    <message>
        <source>Eczema</source>
        <translation>الإكزيما</translation>
    </message>
    <message>
        <source>Urticaria (hives)</source>
        <translation>الشرى (الأرتيكاريا)</translation>
    </message>
    <message>
        <source>Urticaria</source>
        <translation>الشرى</translation>
    </message>
    <message>
        <source>Bullous disease</source>
        <translation>مرض فقاعي</translation>
    </message>
    <message>
        <source>Vasculitis</source>
        <translation>التهاب الأوعية الدموية</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Technical detail (for the administrator): {detail}</source>
        <translation>تفاصيل تقنية (للمسؤول): {detail}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Flags per hour</source>
        <translation>التنبيهات في الساعة</translation>
    </message>
    <message>
        <source>Flags per day</source>
        <translation>التنبيهات في اليوم</translation>
    </message>
    <message>
        <source>Decision mix</source>
        <translation>توزيع القرارات</translation>
    </message>
    <message>
        <source>Predicted class (stored cases)</source>
        <translation>الفئة المتنبأ بها (الحالات المحفوظة)</translation>
    </message>
    <message>
        <source>Top probability per predicted class</source>
        <translation>أعلى احتمال لكل فئة متنبأ بها</translation>
    </message>
    <message>
        <source>Hour (station time)</source>
        <translation>الساعة (توقيت المحطة)</translation>
    </message>
    <message>
        <source>Flagged cases</source>
        <translation>الحالات المُنبَّه عليها</translation>
    </message>
    <message>
        <source>Day (station time)</source>
        <translation>اليوم (توقيت المحطة)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>الحالات</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>الفئة المتنبأ بها</translation>
    </message>
    <message>
        <source>Top probability</source>
        <translation>أعلى احتمال</translation>
    </message>
    <message>
        <source>On confirmed cases: PPV and mpox recall of flags, per week</source>
        <translation>في الحالات المؤكدة: القيمة التنبؤية الإيجابية وحساسية mpox للتنبيهات، أسبوعياً</translation>
    </message>
    <message>
        <source>Week (station time)</source>
        <translation>الأسبوع (توقيت المحطة)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>النسبة</translation>
    </message>
    <message>
        <source>On confirmed cases: no confirmed labels recorded yet.</source>
        <translation>في الحالات المؤكدة: لم يُسجَّل أي تشخيص مؤكد بعد.</translation>
    </message>
    <message>
        <source>PPV</source>
        <translation>القيمة التنبؤية الإيجابية</translation>
    </message>
    <message>
        <source>mpox recall</source>
        <translation>حساسية mpox</translation>
    </message>
    <message>
        <source>On {n} confirmed cases: PPV of flags {ppv} ({both} mpox of {flagged} flagged), mpox recall {recall} ({both} flagged of {mpox} mpox; logged cases only).</source>
        <translation>في {n} حالة مؤكدة: القيمة التنبؤية الإيجابية للتنبيهات {ppv} ({both} mpox من {flagged} منبَّهة)، حساسية mpox {recall} ({both} منبَّهة من {mpox} mpox؛ الحالات المسجلة فقط).</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: no PCR outcomes recorded yet.</source>
        <translation>القيمة التنبؤية الإيجابية للتنبيهات: لم تُسجَّل أي نتائج PCR بعد.</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: {ppv} ({positive} PCR positive of {flagged} flagged cases with an outcome).</source>
        <translation>القيمة التنبؤية الإيجابية للتنبيهات: {ppv} ({positive} نتيجة PCR إيجابية من {flagged} حالة مُنبَّه عليها لها نتيجة).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write the export {path}: {error}; choose another folder</source>
        <translation>تعذّرت كتابة ملف التصدير {path}: {error}؛ اختر مجلدًا آخر</translation>
    </message>
    <message>
        <source>open-set score {score}</source>
        <translation>درجة المجموعة المفتوحة {score}</translation>
    </message>
    <message>
        <source>Images purged {date} (retention)</source>
        <translation>حُذفت الصور في {date} (مدة الحفظ)</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>السبب: {reason}</translation>
    </message>
    <message>
        <source>Predicted {cls} {p}</source>
        <translation>التنبؤ {cls} {p}</translation>
    </message>
    <message>
        <source>Review: {status}</source>
        <translation>المراجعة: {status}</translation>
    </message>
    <message>
        <source>Confirmed: {label}</source>
        <translation>مؤكد: {label}</translation>
    </message>
    <message>
        <source>Case {case_id} · {time} · station {station} · operator {operator} · traveller ref. {ref}</source>
        <translation>الحالة {case_id} · {time} · المحطة {station} · المشغّل {operator} · مرجع المسافر {ref}</translation>
    </message>
    <message>
        <source>Model {name} ({sha})</source>
        <translation>النموذج {name} ({sha})</translation>
    </message>
    <message>
        <source>Thresholds: {lines}</source>
        <translation>العتبات: {lines}</translation>
    </message>
    <message>
        <source>Picture quality: {lines}</source>
        <translation>جودة الصورة: {lines}</translation>
    </message>
    <message>
        <source>Mpox screening: case report</source>
        <translation>فحص جدري القردة: تقرير الحالات</translation>
    </message>
    <message>
        <source>{n} case(s), exported {time} (station time) by {user}. A screening aid, not a diagnosis.</source>
        <translation>{n} حالة، صُدِّرت في {time} (توقيت المحطة) بواسطة {user}. أداة مساعدة للفحص، وليست تشخيصًا.</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>لم تُراجَع</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>الحالة {case_id}</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>السجل:</translation>
    </message>
    <message>
        <source>cannot write the PDF report {path}; check the folder is writable</source>
        <translation>تعذّرت كتابة تقرير PDF {path}؛ تحقّق من أن المجلد قابل للكتابة</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>الصفحة {page} من {pages}</translation>
    </message>
    <message>
        <source>Mpox screening case report · exported {time} by {user} · confidential</source>
        <translation>تقرير حالات فحص جدري القردة · صُدِّر في {time} بواسطة {user} · سرّي</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>The case database is busy (locked by another program): wait a moment and try again.</source>
        <translation>قاعدة بيانات الحالات مشغولة (يقفلها برنامج آخر): انتظر لحظة ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The case database cannot be reached: try again in a moment, or call your administrator.</source>
        <translation>تعذّر الوصول إلى قاعدة بيانات الحالات: حاول مرة أخرى بعد لحظة، أو اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>The case database cannot write (disk full or read-only): call your administrator.</source>
        <translation>لا تستطيع قاعدة بيانات الحالات الكتابة (القرص ممتلئ أو للقراءة فقط): اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>The case database refused the request: try again, or call your administrator.</source>
        <translation>رفضت قاعدة بيانات الحالات الطلب: حاول مرة أخرى، أو اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>The station refused this. Call your administrator if it persists.</source>
        <translation>رفضت المحطة هذا الإجراء. اتصل بالمسؤول إذا استمرت المشكلة.</translation>
    </message>
    <message>
        <source>The user name must be 1 to 64 characters long.</source>
        <translation>يجب أن يتكون اسم المستخدم من 1 إلى 64 حرفًا.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {n} characters.</source>
        <translation>كلمة المرور قصيرة جدًا: استخدم {n} أحرف على الأقل.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>يجب ألا تكون كلمة المرور هي اسم المستخدم.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>أعد كتابة كلمة المرور</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>إنشاء حساب المسؤول</translation>
    </message>
    <message>
        <source>First start: there are no accounts yet. Create the administrator account (password of at least {n} characters; there is no default password).</source>
        <translation>التشغيل الأول: لا توجد حسابات بعد. أنشئ حساب المسؤول (كلمة مرور من {n} أحرف على الأقل؛ لا توجد كلمة مرور افتراضية).</translation>
    </message>
    <message>
        <source>The two passwords differ: type the password twice the same way.</source>
        <translation>كلمتا المرور مختلفتان: اكتب كلمة المرور نفسها مرتين.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Log in to the screening station.</source>
        <translation>سجّل الدخول إلى محطة الفحص.</translation>
    </message>
    <message>
        <source>Type your user name first.</source>
        <translation>اكتب اسم المستخدم أولًا.</translation>
    </message>
    <message>
        <source>wrong user name or password, or the account is locked after repeated failed log-ins: try again later or ask an admin</source>
        <translation>اسم المستخدم أو كلمة المرور غير صحيحة، أو أن الحساب مقفل بعد محاولات دخول فاشلة متكررة: حاول لاحقًا أو اطلب المساعدة من مسؤول</translation>
    </message>
</context>
<context>
    <name>LostPanel</name>
    <message>
        <source>Camera lost</source>
        <translation>فُقدت الكاميرا</translation>
    </message>
    <message>
        <source>What to do: check the camera&apos;s cable and that no other program uses it, or choose another camera. Screening resumes by itself when the picture returns.</source>
        <translation>ما العمل: تحقّق من كابل الكاميرا ومن أن أي برنامج آخر لا يستخدمها، أو اختر كاميرا أخرى. يُستأنف الفحص تلقائيًا عند عودة الصورة.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>no skin in view: point the camera at the rash</source>
        <translation>لا يظهر جلد: وجّه الكاميرا نحو الطفح</translation>
    </message>
    <message>
        <source>too dark: add light or move closer to the lamp</source>
        <translation>مظلمة جدًا: أضف إضاءة أو اقترب من المصباح</translation>
    </message>
    <message>
        <source>too bright: reduce glare or move away from direct light</source>
        <translation>ساطعة جدًا: قلّل الوهج أو ابتعد عن الضوء المباشر</translation>
    </message>
    <message>
        <source>rather dark</source>
        <translation>مظلمة نوعًا ما</translation>
    </message>
    <message>
        <source>too blurred: hold still and let the camera focus</source>
        <translation>ضبابية جدًا: ثبّت الكاميرا ودعها تضبط التركيز</translation>
    </message>
    <message>
        <source>slightly blurred</source>
        <translation>ضبابية قليلًا</translation>
    </message>
    <message>
        <source>little skin in view</source>
        <translation>القليل من الجلد ظاهر</translation>
    </message>
    <message>
        <source>{cls} probability {p:.2f} is at or above the flag threshold {flag:.2f}</source>
        <translation>احتمال {cls} هو {p:.2f}، وهو عند عتبة التنبيه {flag:.2f} أو فوقها</translation>
    </message>
    <message>
        <source>This rash does not look like any condition the model knows (mpox and seven look-alikes): a person must look</source>
        <translation>لا يشبه هذا الطفح أي حالة يعرفها النموذج (جدري القردة وسبع حالات مشابهة): يجب أن يفحصه شخص</translation>
    </message>
    <message>
        <source>open-set score {score:.2f}, threshold {threshold:.2f}</source>
        <translation>درجة الحالة غير المعروفة {score:.2f}، العتبة {threshold:.2f}</translation>
    </message>
    <message>
        <source>top probability {p:.2f} is below the review threshold {review:.2f}</source>
        <translation>أعلى احتمال {p:.2f} أقل من عتبة المراجعة {review:.2f}</translation>
    </message>
    <message>
        <source>no flagged class reached {flag:.2f}; top class {cls} at {p:.2f}</source>
        <translation>لم تبلغ أي فئة مراقَبة {flag:.2f}؛ الفئة الأرجح {cls} بنسبة {p:.2f}</translation>
    </message>
    <message>
        <source>image quality doubtful ({quality}); {reason}</source>
        <translation>جودة الصورة مشكوك فيها ({quality})؛ {reason}</translation>
    </message>
    <message>
        <source>this does not look like a skin close-up; point the camera at the affected skin</source>
        <translation>لا تبدو هذه صورة مقرّبة للجلد؛ وجّه الكاميرا نحو الجلد المصاب</translation>
    </message>
    <message>
        <source>the model gave no usable result for this picture; a person must screen the traveller</source>
        <translation>لم يعطِ النموذج نتيجة صالحة لهذه الصورة؛ يجب أن يفحص شخصٌ المسافر</translation>
    </message>
</context>
<context>
    <name>ReferralSlip</name>
    <message>
        <source>Referral to secondary screening</source>
        <translation>إحالة إلى الفحص الثانوي</translation>
    </message>
    <message>
        <source>Secondary-screening desk: examine the affected skin; the clinician decides. This result is a screening aid, not a diagnosis.</source>
        <translation>مكتب الفحص الثانوي: افحص الجلد المصاب؛ القرار للطبيب. هذه النتيجة أداة مساعدة للفحص، وليست تشخيصًا.</translation>
    </message>
    <message>
        <source>The case id above (also in the QR code) is this case&apos;s name in the station&apos;s case log and in the review window&apos;s case details: quote it when you report the outcome.</source>
        <translation>رقم الحالة أعلاه (وهو أيضًا في رمز QR) هو اسم هذه الحالة في سجل حالات المحطة وفي تفاصيل الحالة في نافذة المراجعة: اذكره عند الإبلاغ عن النتيجة.</translation>
    </message>
    <message>
        <source>This slip holds health information about the traveller: keep it with their file, never in public view, and shred it when it is no longer needed.</source>
        <translation>تتضمن هذه القسيمة معلومات صحية عن المسافر: احفظها مع ملفه، ولا تتركها على مرأى من العامة، وأتلفها عندما لا تعود هناك حاجة إليها.</translation>
    </message>
    <message>
        <source>Take the traveller, with this slip, to the secondary-screening desk. Follow the site&apos;s infection-control procedure for a suspected infectious rash.</source>
        <translation>رافق المسافر ومعه هذه القسيمة إلى مكتب الفحص الثانوي. اتبع إجراءات مكافحة العدوى المعمول بها في الموقع عند الاشتباه في طفح جلدي معدٍ.</translation>
    </message>
    <message>
        <source>{action}; give this slip to the clinician who sees the traveller.</source>
        <translation>{action}؛ سلّم هذه القسيمة إلى الطبيب الذي يفحص المسافر.</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>محطة فحص جدري القردة</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>رقم الحالة</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>المحطة</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>QR code: case id</source>
        <translation>رمز QR: رقم الحالة</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Top 3 classes (model probability)</source>
        <translation>أعلى 3 فئات (احتمال النموذج)</translation>
    </message>
    <message>
        <source>None: the rash does not look like any condition the model knows.</source>
        <translation>لا شيء: الطفح لا يشبه أي حالة يعرفها النموذج.</translation>
    </message>
    <message>
        <source>Screened picture</source>
        <translation>الصورة المفحوصة</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls}</source>
        <translation>الخريطة الحرارية: حيث بحث النموذج عن {cls}</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>الخريطة الحرارية</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>التعليمات</translation>
    </message>
    <message>
        <source>The referral slip could not be saved in {folder} ({why}). Ask the station&apos;s administrator to make that folder writable, or to set [referral] folder in the configuration; until then, write case id {case_id} on a paper slip for the desk</source>
        <translation>تعذّر حفظ قسيمة الإحالة في {folder} ({why}). اطلب من مسؤول المحطة جعل ذلك المجلد قابلًا للكتابة، أو ضبط [referral] folder في الإعدادات؛ وإلى ذلك الحين، اكتب رقم الحالة {case_id} على قسيمة ورقية للمكتب</translation>
    </message>
    <message>
        <source>{title}: case {case_id}</source>
        <translation>{title}: الحالة {case_id}</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>تعذّرت كتابة الملف</translation>
    </message>
    <message>
        <source>writing the file failed; the disk may be full</source>
        <translation>فشلت كتابة الملف؛ ربما القرص ممتلئ</translation>
    </message>
    <message>
        <source>printer {printer} was not found; check [referral] printer in the configuration (the system&apos;s printers: lpstat -p), or print the saved PDF</source>
        <translation>لم يُعثر على الطابعة {printer}؛ تحقّق من [referral] printer في الإعدادات (طابعات النظام: lpstat -p)، أو اطبع ملف PDF المحفوظ</translation>
    </message>
    <message>
        <source>printer {printer} did not accept the slip; print the saved PDF</source>
        <translation>لم تقبل الطابعة {printer} القسيمة؛ اطبع ملف PDF المحفوظ</translation>
    </message>
    <message>
        <source>Referral slip saved: {path}</source>
        <translation>حُفظت قسيمة الإحالة: {path}</translation>
    </message>
    <message>
        <source>sent to printer {printer}</source>
        <translation>أُرسلت إلى الطابعة {printer}</translation>
    </message>
    <message>
        <source>not printed: {error}</source>
        <translation>لم تُطبع: {error}</translation>
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <source>This case is no longer in the case database (an admin deleted it). Refresh the list (F5).</source>
        <translation>لم تعد هذه الحالة موجودة في قاعدة بيانات الحالات (حذفها مسؤول). حدّث القائمة (F5).</translation>
    </message>
    <message>
        <source>Your account may not do this. Log in with an account that may (a reviewer, or an admin), or ask an admin.</source>
        <translation>لا يسمح حسابك بهذا الإجراء. سجّل الدخول بحساب يسمح به (مراجع أو مسؤول)، أو اطلب ذلك من مسؤول.</translation>
    </message>
    <message>
        <source>The picture&apos;s file is missing (removed after its retention period, or deleted).</source>
        <translation>ملف الصورة غير موجود (حُذف بعد انتهاء مدة حفظه، أو مُسح).</translation>
    </message>
    <message>
        <source>The picture cannot be shown: its file is damaged or was altered. Call your administrator.</source>
        <translation>تعذّر عرض الصورة: ملفها تالف أو جرى تعديله. اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>The pictures cannot be shown: the station&apos;s key file is unusable. Call your administrator.</source>
        <translation>تعذّر عرض الصور: ملف مفتاح المحطة غير صالح للاستخدام. اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>The case database could not do this. Try again; if it keeps failing, call your administrator.</source>
        <translation>تعذّر على قاعدة بيانات الحالات تنفيذ هذا الإجراء. أعد المحاولة؛ وإذا استمر الفشل فاتصل بالمسؤول.</translation>
    </message>
</context>
<context>
    <name>ReviewRules</name>
    <message>
        <source>The note is {length} characters long; keep it under {most}.</source>
        <translation>طول الملاحظة {length} حرفًا؛ اجعلها أقل من {most}.</translation>
    </message>
    <message>
        <source>This case has a PCR outcome ({outcome}): its review status can no longer be changed (it stays {status}).</source>
        <translation>لهذه الحالة نتيجة PCR ({outcome}): لم يعد من الممكن تغيير وضع مراجعتها (يبقى «{status}»).</translation>
    </message>
    <message>
        <source>This case is already {status}.</source>
        <translation>هذه الحالة في وضع «{status}» بالفعل.</translation>
    </message>
    <message>
        <source>A {status} case cannot be changed with &apos;{action}&apos;.</source>
        <translation>لا يمكن تغيير حالة في وضع «{status}» بالإجراء «{action}».</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note saying why.</source>
        <translation>يتطلب استبعاد حالة مؤكدة ملاحظة توضّح السبب.</translation>
    </message>
    <message>
        <source>Reopening a {status} case needs a note saying why.</source>
        <translation>تتطلب إعادة فتح حالة في وضع «{status}» ملاحظة توضّح السبب.</translation>
    </message>
    <message>
        <source>This case was dismissed: reopen it (confirm or refer it, with a note) before recording a PCR outcome.</source>
        <translation>استُبعدت هذه الحالة: أعد فتحها (أكّدها أو أحِلها، مع ملاحظة) قبل تسجيل نتيجة PCR.</translation>
    </message>
    <message>
        <source>A PCR outcome is recorded on a confirmed or referred case only; this case is {status}: confirm or refer it first.</source>
        <translation>لا تُسجَّل نتيجة PCR إلا على حالة مؤكدة أو محالة؛ وهذه الحالة في وضع «{status}»: أكّدها أو أحِلها أولًا.</translation>
    </message>
    <message>
        <source>This case already has this PCR outcome ({outcome}).</source>
        <translation>لهذه الحالة نتيجة PCR هذه بالفعل ({outcome}).</translation>
    </message>
    <message>
        <source>This case already has a PCR outcome ({outcome}): changing it needs a note saying why (e.g. the laboratory corrected its result).</source>
        <translation>لهذه الحالة نتيجة PCR بالفعل ({outcome}): يتطلب تغييرها ملاحظة توضّح السبب (مثلًا إذا صحّح المختبر نتيجته).</translation>
    </message>
    <message>
        <source>Write which condition it turned out to be (e.g. scabies).</source>
        <translation>اكتب ما الحالة التي تبيّن أنها هي (مثل الجرب).</translation>
    </message>
    <message>
        <source>The condition&apos;s name is {length} characters long; keep it under {most}.</source>
        <translation>طول اسم الحالة {length} حرفاً؛ اجعله أقل من {most}.</translation>
    </message>
    <message>
        <source>This case already has this confirmed label.</source>
        <translation>لهذه الحالة هذا التشخيص المؤكد بالفعل.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: changing it needs a note saying why.</source>
        <translation>لهذه الحالة تشخيص مؤكد بالفعل: تغييره يتطلب ملاحظة توضح السبب.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Reviewing cases needs a reviewer or admin login.</source>
        <translation>تتطلب مراجعة الحالات تسجيل الدخول بحساب مراجع أو مسؤول.</translation>
    </message>
    <message>
        <source>Case review · {user} ({role})</source>
        <translation>مراجعة الحالات · {user} ({role})</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>كل القرارات</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>كل الفئات</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>كل المحطات</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>أي حالة مراجعة</translation>
    </message>
    <message>
        <source>Search traveller ref. or case id</source>
        <translation>ابحث عن مرجع مسافر أو رقم حالة</translation>
    </message>
    <message>
        <source>A whole traveller reference (any case or spacing), or the start of a case id (as on the referral slip); Enter</source>
        <translation>مرجع المسافر كاملًا (بصرف النظر عن حالة الأحرف والمسافات)، أو بداية رقم الحالة (كما في ورقة الإحالة)؛ Enter</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>الحالات</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المعلومات</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>المحطات</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>ال&amp;حالات</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;فتح الحالة</translation>
    </message>
    <message>
        <source>Export selected to &amp;CSV…</source>
        <translation>تصدير المحدد إلى &amp;CSV…</translation>
    </message>
    <message>
        <source>Export selected to &amp;PDF…</source>
        <translation>تصدير المحدد إلى &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تحديث</translation>
    </message>
    <message>
        <source>&amp;Verify audit trail</source>
        <translation>ال&amp;تحقق من سجل التدقيق</translation>
    </message>
    <message>
        <source>&amp;Log off</source>
        <translation>تسجيل ال&amp;خروج</translation>
    </message>
    <message>
        <source>Reading the cases from the database…</source>
        <translation>جارٍ قراءة الحالات من قاعدة البيانات…</translation>
    </message>
    <message>
        <source>{total} case(s) match · {loaded} loaded</source>
        <translation>{total} حالة مطابقة · {loaded} محمّلة</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Export the selected cases to folder</source>
        <translation>تصدير الحالات المحددة إلى مجلد</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Select the cases to export first (Ctrl+A selects all loaded).</source>
        <translation>حدّد الحالات المراد تصديرها أولًا (Ctrl+A يحدد كل الحالات المحمّلة).</translation>
    </message>
    <message>
        <source>Exported {n} case(s) to {path} (readable by you only)</source>
        <translation>صُدِّرت {n} حالة إلى {path} (يمكنك وحدك قراءته)</translation>
    </message>
    <message>
        <source>Audit trail intact: {entries} entries.</source>
        <translation>سجل التدقيق سليم: {entries} قيدًا.</translation>
    </message>
    <message>
        <source>Audit trail TAMPERED:</source>
        <translation>سجل التدقيق تم العبث به:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Case review</source>
        <translation>مراجعة الحالات</translation>
    </message>
    <message>
        <source>You are logged in as {user} ({role}).</source>
        <translation>أنت مسجّل الدخول باسم {user} ({role}).</translation>
    </message>
    <message>
        <source>Nobody is logged in.</source>
        <translation>لا يوجد أحد مسجّل الدخول.</translation>
    </message>
    <message>
        <source>Log off and log in with a reviewer or admin account, or ask an admin.</source>
        <translation>سجّل الخروج ثم سجّل الدخول بحساب مراجع أو مسؤول، أو اطلب ذلك من مسؤول.</translation>
    </message>
    <message>
        <source>The refusal could not be written to the audit trail.</source>
        <translation>تعذّرت كتابة الرفض في سجل التدقيق.</translation>
    </message>
</context>
<context>
    <name>ScreeningWindow</name>
    <message>
        <source>Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller to secondary screening.</source>
        <translation>أداة مساعدة للفحص وليست تشخيصًا: القرار للموظف. عند الشك، أحِل المسافر إلى الفحص الثانوي.</translation>
    </message>
    <message>
        <source>CAMERA LOST · no live picture</source>
        <translation>فُقدت الكاميرا · لا توجد صورة مباشرة</translation>
    </message>
    <message>
        <source>Check the cable or choose another camera [Ctrl+K]</source>
        <translation>تحقّق من الكابل أو اختر كاميرا أخرى [Ctrl+K]</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>في انتظار الكاميرا…</translation>
    </message>
    <message>
        <source>Screening is unavailable: the model could not be loaded. Call your administrator.</source>
        <translation>الفحص غير متاح: تعذّر تحميل النموذج. اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>سليمة</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>غير مُعدّة</translation>
    </message>
    <message>
        <source>unavailable: cases are NOT saved. Call your administrator</source>
        <translation>غير متاحة: لا تُحفَظ الحالات. اتصل بالمسؤول</translation>
    </message>
    <message>
        <source>The camera delivers no picture.</source>
        <translation>لا ترسل الكاميرا أي صورة.</translation>
    </message>
    <message>
        <source>Picture may improve the model  [T]</source>
        <translation>الصورة لتحسين النموذج  [T]</translation>
    </message>
    <message>
        <source>Traveller reference for the next capture (optional): document number or note — Ctrl+L</source>
        <translation>مرجع المسافر للالتقاط التالي (اختياري): رقم الوثيقة أو ملاحظة — Ctrl+L</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>محطة فحص جدري القردة</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Choose the camera (Ctrl+K): the cameras found, and the configured source</source>
        <translation>اختر الكاميرا (Ctrl+K): الكاميرات المكتشفة والمصدر المُعدّ</translation>
    </message>
    <message>
        <source>Log off</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>End your session (Ctrl+Shift+L): the screen is cleared and the login comes back</source>
        <translation>إنهاء جلستك (Ctrl+Shift+L): تُمسح الشاشة وتعود شاشة تسجيل الدخول</translation>
    </message>
    <message>
        <source>Capture  [Space]</source>
        <translation>التقاط  [Space]</translation>
    </message>
    <message>
        <source>Automatic  [A]</source>
        <translation>تلقائي  [A]</translation>
    </message>
    <message>
        <source>Review cases  [Ctrl+R]</source>
        <translation>مراجعة الحالات  [Ctrl+R]</translation>
    </message>
    <message>
        <source>Referral slip  [P]</source>
        <translation>ورقة الإحالة  [P]</translation>
    </message>
    <message>
        <source>Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer is configured: FLAG and REVIEW results saved as a case [P]</source>
        <translation>حفظ ورقة الإحالة (PDF) لمكتب الفحص الثانوي وطباعتها عند إعداد طابعة: لنتائج التنبيه والمراجعة المحفوظة كحالة [P]</translation>
    </message>
    <message>
        <source>The screened image and its heatmap appear here</source>
        <translation>تظهر هنا الصورة المفحوصة وخريطتها الحرارية</translation>
    </message>
    <message>
        <source>Heatmap [H]</source>
        <translation>الخريطة الحرارية [H]</translation>
    </message>
    <message>
        <source>Heatmap opacity ( - / + )</source>
        <translation>شفافية الخريطة الحرارية ( - / + )</translation>
    </message>
    <message>
        <source>Opacity [-/+]</source>
        <translation>الشفافية [-/+]</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>النموذج: {model}</translation>
    </message>
    <message>
        <source>Model: none</source>
        <translation>النموذج: لا يوجد</translation>
    </message>
    <message>
        <source>Inference —</source>
        <translation>الاستدلال —</translation>
    </message>
    <message>
        <source>Camera —</source>
        <translation>الكاميرا —</translation>
    </message>
    <message>
        <source>Dropped {n}</source>
        <translation>مُسقَطة {n}</translation>
    </message>
    <message>
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it only a FLAG is saved, without picture or reference. It resets for the next traveller.</source>
        <translation>اضغط عندما يقرأ المسافر إشعار الخصوصية ويوافق عليه [C]. بدون ذلك لا يُحفظ إلا التنبيه، بلا صورة ولا مرجع. يُعاد ضبطه للمسافر التالي.</translation>
    </message>
    <message>
        <source>Ask the traveller whether their picture may be kept to improve the screening model; press only if they say yes [T]. It resets for the next traveller.</source>
        <translation>اسأل المسافر إن كان يجوز الاحتفاظ بصورته لتحسين نموذج الفحص؛ اضغط فقط إذا وافق [T]. يُعاد ضبطه للمسافر التالي.</translation>
    </message>
    <message>
        <source>The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>لا يزال العرض المباشر يعمل؛ يبدأ الفحص بعد إعداد نموذج وإعادة تشغيل المحطة.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it only a FLAG is saved, without picture or reference.</source>
        <translation>اعرض على المسافر إشعار الخصوصية واضغط [C] عندما يوافق؛ بدون ذلك لا يُحفظ إلا التنبيه، بلا صورة ولا مرجع.</translation>
    </message>
    <message>
        <source> Case saved without picture or reference: the traveller did not agree to the notice.</source>
        <translation> حُفظت الحالة بلا صورة ولا مرجع: لم يوافق المسافر على الإشعار.</translation>
    </message>
    <message>
        <source> The case was NOT saved: call your administrator if it persists.</source>
        <translation> لم تُحفَظ الحالة: اتصل بالمسؤول إذا استمرت المشكلة.</translation>
    </message>
    <message>
        <source> The database refused this case: it is set aside on this station; call your admin.</source>
        <translation> رفضت قاعدة البيانات هذه الحالة: وُضعت جانبًا على هذا الجهاز؛ اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source> Case kept on this station: it goes into the database as soon as the database answers.</source>
        <translation> حُفظت الحالة على هذا الجهاز: ستُسجَّل في قاعدة البيانات فور استجابتها.</translation>
    </message>
    <message>
        <source>Screening this picture failed. Try again; if it persists, restart the station.</source>
        <translation>فشل فحص هذه الصورة. حاول مرة أخرى؛ وإذا استمرت المشكلة، أعد تشغيل المحطة.</translation>
    </message>
    <message>
        <source>Database: {state}</source>
        <translation>قاعدة البيانات: {state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>لغة المسافر</translation>
    </message>
    <message>
        <source>The screening model was changed or damaged: call your administrator.</source>
        <translation>تم تغيير نموذج الفحص أو أنه تالف: اتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>Screening is out of service: the model keeps failing. Screen travellers by hand and call your administrator.</source>
        <translation>الفحص خارج الخدمة: النموذج يفشل مرارًا. افحص المسافرين يدويًا واتصل بالمسؤول.</translation>
    </message>
    <message>
        <source>The language of the traveller&apos;s panel and privacy notice (the station keeps its own)</source>
        <translation>لغة لوحة المسافر وإشعار الخصوصية (تحتفظ المحطة بلغتها)</translation>
    </message>
    <message>
        <source>Traveller agreed to the notice  [C]</source>
        <translation>وافق المسافر على الإشعار  [C]</translation>
    </message>
    <message>
        <source>No login (demo mode)</source>
        <translation>بدون تسجيل دخول (وضع العرض)</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>المستخدم: {name} ({role})</translation>
    </message>
    <message>
        <source>Logged in: {name}</source>
        <translation>المستخدم: {name}</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>لم يسجّل أحد الدخول</translation>
    </message>
    <message>
        <source>No live picture to screen: wait for the camera.</source>
        <translation>لا توجد صورة مباشرة للفحص: انتظر الكاميرا.</translation>
    </message>
    <message>
        <source>Wait for the live picture</source>
        <translation>انتظر الصورة المباشرة</translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <source>Not found now: it is kept in the list because it is configured or in use</source>
        <translation>غير موجودة حاليًا: تبقى في القائمة لأنها مُعدّة أو قيد الاستخدام</translation>
    </message>
    <message>
        <source>Log in to screen travellers.</source>
        <translation>سجّل الدخول لفحص المسافرين.</translation>
    </message>
    <message>
        <source>Point the camera at the rash, then press Capture or turn on Automatic.</source>
        <translation>وجّه الكاميرا نحو الطفح، ثم اضغط «التقاط» أو شغّل الوضع التلقائي.</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} was not saved: type it again with the new picture.</source>
        <translation> لم يُحفظ مرجع المسافر {ref}: اكتبه مرة أخرى مع الصورة الجديدة.</translation>
    </message>
    <message>
        <source>{time} · {reason}.{note}</source>
        <translation>{time} · {reason}.{note}</translation>
    </message>
    <message>
        <source>mean of {n} frames</source>
        <translation>متوسط {n} إطارات</translation>
    </message>
    <message>
        <source>captured frame</source>
        <translation>الإطار الملتقط</translation>
    </message>
    <message>
        <source> Saving the case on this station…</source>
        <translation> جارٍ حفظ الحالة على هذا الجهاز…</translation>
    </message>
    <message>
        <source> Case saved with traveller ref. {ref}.</source>
        <translation> حُفظت الحالة مع مرجع المسافر {ref}.</translation>
    </message>
    <message>
        <source> Case saved.</source>
        <translation> حُفظت الحالة.</translation>
    </message>
    <message>
        <source> Nothing saved: the traveller did not agree to the notice (no case, no picture).</source>
        <translation> لم يُحفظ شيء: لم يوافق المسافر على الإشعار (لا حالة ولا صورة).</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} not saved (no case is kept for this result).</source>
        <translation> لم يُحفظ مرجع المسافر {ref} (لا تُحفظ حالة لهذه النتيجة).</translation>
    </message>
    <message>
        <source>{time} · {reason} ({how}).{saved}</source>
        <translation>{time} · {reason} ({how}).{saved}</translation>
    </message>
    <message>
        <source>Inference {infer:.0f} ms +heatmap {cam:.0f} ms</source>
        <translation>الاستدلال {infer:.0f} ms + الخريطة {cam:.0f} ms</translation>
    </message>
    <message>
        <source>SCREENING ERROR</source>
        <translation>خطأ في الفحص</translation>
    </message>
    <message>
        <source>Capture again</source>
        <translation>التقط مرة أخرى</translation>
    </message>
    <message>
        <source>Screened picture (no heatmap: this result names no condition)</source>
        <translation>الصورة المفحوصة (بلا خريطة حرارية: هذه النتيجة لا تسمّي أي حالة)</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls} · dashed square: what the model saw</source>
        <translation>الخريطة الحرارية: أين بحث النموذج عن {cls} · المربع المتقطع: ما رآه النموذج</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked · dashed square: what the model saw</source>
        <translation>الخريطة الحرارية: أين نظر النموذج · المربع المتقطع: ما رآه النموذج</translation>
    </message>
    <message>
        <source>Screened picture (heatmap off [H]) · dashed square: what the model saw</source>
        <translation>الصورة المفحوصة (الخريطة الحرارية مطفأة [H]) · المربع المتقطع: ما رآه النموذج</translation>
    </message>
    <message>
        <source>No live picture since {time}; the station keeps trying the camera.</source>
        <translation>لا توجد صورة مباشرة منذ {time}؛ تواصل المحطة محاولة تشغيل الكاميرا.</translation>
    </message>
    <message>
        <source>Camera {fps:.1f} fps · shown {shown:.1f}</source>
        <translation>الكاميرا {fps:.1f} إطار/ث · المعروض {shown:.1f}</translation>
    </message>
    <message>
        <source>Camera none</source>
        <translation>الكاميرا: لا توجد</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Mpox screening station: cannot start</source>
        <translation>محطة فحص جدري القردة: تعذّر التشغيل</translation>
    </message>
    <message>
        <source>The station cannot start. Call your administrator.</source>
        <translation>لا يمكن تشغيل المحطة. اتصل بالمسؤول.</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <source>flag rate outside its usual range</source>
        <translation>معدل التنبيه خارج نطاقه المعتاد</translation>
    </message>
    <message>
        <source>flag rate unlike the other stations</source>
        <translation>معدل التنبيه مختلف عن المحطات الأخرى</translation>
    </message>
    <message>
        <source>runs a model the other stations do not</source>
        <translation>يشغّل نموذجاً لا تشغّله المحطات الأخرى</translation>
    </message>
    <message>
        <source>camera starting</source>
        <translation>الكاميرا قيد التشغيل</translation>
    </message>
    <message>
        <source>camera live</source>
        <translation>الكاميرا تعمل</translation>
    </message>
    <message>
        <source>camera lost</source>
        <translation>فُقدت الكاميرا</translation>
    </message>
    <message>
        <source>camera stopped</source>
        <translation>الكاميرا متوقفة</translation>
    </message>
    <message>
        <source>station closed</source>
        <translation>المحطة مغلقة</translation>
    </message>
    <message>
        <source>model unavailable</source>
        <translation>النموذج غير متاح</translation>
    </message>
    <message>
        <source>{rate} ({flags} of {screened})</source>
        <translation>{rate} ({flags} من {screened})</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>المحطة</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Look at it because</source>
        <translation>افحصها لأن</translation>
    </message>
    <message>
        <source>Flag rate, 24 h</source>
        <translation>معدل التنبيه، 24 ساعة</translation>
    </message>
    <message>
        <source>Its past 14 days</source>
        <translation>آخر 14 يوماً لها</translation>
    </message>
    <message>
        <source>All stations (median)</source>
        <translation>كل المحطات (الوسيط)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>آخر ظهور</translation>
    </message>
    <message>
        <source>Daily flag rate per station</source>
        <translation>معدل التنبيه اليومي لكل محطة</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>اليوم (UTC)</translation>
    </message>
    <message>
        <source>Flagged share of screenings</source>
        <translation>نسبة الفحوص المنبَّهة</translation>
    </message>
    <message>
        <source>up</source>
        <translation>تعمل</translation>
    </message>
    <message>
        <source>down</source>
        <translation>متوقفة</translation>
    </message>
    <message>
        <source>not up</source>
        <translation>ليست قيد العمل</translation>
    </message>
    <message>
        <source>never (no heartbeat)</source>
        <translation>أبداً (لا إشارة)</translation>
    </message>
    <message>
        <source>{up} of {n} stations up; {marked} to look at.</source>
        <translation>{up} من {n} محطات تعمل؛ {marked} تحتاج إلى فحص.</translation>
    </message>
</context>
<context>
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>تنبيه {threshold:.2f}</translation>
    </message>
</context>
</TS>
