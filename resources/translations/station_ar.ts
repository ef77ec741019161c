<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
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
        <source>Database: {state}</source>
        <translation>قاعدة البيانات: {state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>لغة المسافر</translation>
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
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it the result is shown but nothing is saved. It resets for the next traveller.</source>
        <translation>اضغط عندما يقرأ المسافر إشعار الخصوصية ويوافق عليه [C]. بدون ذلك تُعرض النتيجة ولكن لا يُحفظ شيء. يُعاد ضبطه للمسافر التالي.</translation>
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
        <source>{problem}. The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>{problem}. ما زال العرض المباشر يعمل؛ يبدأ الفحص بعد إعداد نموذج وإعادة تشغيل المحطة.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it the result is shown but nothing is saved.</source>
        <translation>اعرض على المسافر إشعار الخصوصية واضغط [C] إذا وافق؛ وإلا تُعرض النتيجة ولكن لا يُحفظ شيء.</translation>
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
        <source>{problem}. Try again; if it persists, restart the station.</source>
        <translation>{problem}. حاول مرة أخرى؛ وإذا استمر الخطأ فأعد تشغيل المحطة.</translation>
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
        <source>OK, {written} saved, {pending} waiting</source>
        <translation>سليمة، {written} محفوظة، {pending} في الانتظار</translation>
    </message>
    <message>
        <source>Database: retrying ({pending} waiting, kept on disk)</source>
        <translation>قاعدة البيانات: إعادة المحاولة ({pending} في الانتظار، محفوظة على القرص)</translation>
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
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>تنبيه {threshold:.2f}</translation>
    </message>
</context>
</TS>
