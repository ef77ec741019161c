<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminTabs</name>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Failed log-ins</source>
        <translation>Failed log-ins</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Every change is checked by the store and written to the audit log.</source>
        <translation>Every change is checked by the store and written to the audit log.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>New role for {user}:</source>
        <translation>New role for {user}:</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Not changed</translation>
    </message>
    <message>
        <source>What it concerns (a user, a case id)</source>
        <translation>What it concerns (a user, a case id)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>{n} newest entries; `mpox-kiosk verify-audit` checks the whole chain.</source>
        <translation>{n} newest entries; `mpox-kiosk verify-audit` checks the whole chain.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>FLAG · suspected {cls}</source>
        <translation>FLAG · suspected {cls}</translation>
    </message>
    <message>
        <source>REVIEW · manual review needed</source>
        <translation>REVIEW · manual review needed</translation>
    </message>
    <message>
        <source>CLEAR · {cls}</source>
        <translation>CLEAR · {cls}</translation>
    </message>
    <message>
        <source>RETAKE · image not usable</source>
        <translation>RETAKE · image not usable</translation>
    </message>
    <message>
        <source>Ready · press Capture</source>
        <translation>Ready · press Capture</translation>
    </message>
    <message>
        <source>SCREENING UNAVAILABLE</source>
        <translation>SCREENING UNAVAILABLE</translation>
    </message>
    <message>
        <source>LOGGED OFF · log in to screen</source>
        <translation>LOGGED OFF · log in to screen</translation>
    </message>
    <message>
        <source>RETAKE · not a skin close-up</source>
        <translation>RETAKE · not a skin close-up</translation>
    </message>
    <message>
        <source>REVIEW · condition not recognised</source>
        <translation>REVIEW · condition not recognised</translation>
    </message>
    <message>
        <source>REVIEW · the model failed</source>
        <translation>REVIEW · the model failed</translation>
    </message>
    <message>
        <source>Screen this traveller by hand</source>
        <translation>Screen this traveller by hand</translation>
    </message>
    <message>
        <source>Send to secondary screening</source>
        <translation>Send to secondary screening</translation>
    </message>
    <message>
        <source>Hold the traveller and ask the duty clinician</source>
        <translation>Hold the traveller and ask the duty clinician</translation>
    </message>
    <message>
        <source>Let the traveller pass</source>
        <translation>Let the traveller pass</translation>
    </message>
    <message>
        <source>Take the picture again</source>
        <translation>Take the picture again</translation>
    </message>
    <message>
        <source>Hold the camera steady, closer, in good light</source>
        <translation>Hold the camera steady, closer, in good light</translation>
    </message>
    <message>
        <source>Point the camera at the affected skin</source>
        <translation>Point the camera at the affected skin</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>The camera cannot be opened: check that it is plugged in and not used by another program, or choose another camera.</source>
        <translation>The camera cannot be opened: check that it is plugged in and not used by another program, or choose another camera.</translation>
    </message>
    <message>
        <source>The configured picture source cannot be opened: choose a camera, or call your administrator.</source>
        <translation>The configured picture source cannot be opened: choose a camera, or call your administrator.</translation>
    </message>
    <message>
        <source>The camera could not be started: choose another camera, or call your administrator.</source>
        <translation>The camera could not be started: choose another camera, or call your administrator.</translation>
    </message>
    <message>
        <source>No new picture for {seconds:.1f} s: the camera may be unplugged, used by another program or frozen.</source>
        <translation>No new picture for {seconds:.1f} s: the camera may be unplugged, used by another program or frozen.</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures (reading failed).</source>
        <translation>The camera stopped delivering pictures (reading failed).</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures.</source>
        <translation>The camera stopped delivering pictures.</translation>
    </message>
    <message>
        <source>The camera delivers pictures of the wrong size or format: choose another camera.</source>
        <translation>The camera delivers pictures of the wrong size or format: choose another camera.</translation>
    </message>
    <message>
        <source>Picture skipped because it could not be read: {file}</source>
        <translation>Picture skipped because it could not be read: {file}</translation>
    </message>
    <message>
        <source>Trying again in {seconds:.0f} s.</source>
        <translation>Trying again in {seconds:.0f} s.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>not a source</source>
        <translation>not a source</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Confirm case?</source>
        <translation>Confirm case?</translation>
    </message>
    <message>
        <source>confirm it (send the traveller to secondary screening / PCR)</source>
        <translation>confirm it (send the traveller to secondary screening / PCR)</translation>
    </message>
    <message>
        <source>Dismiss case?</source>
        <translation>Dismiss case?</translation>
    </message>
    <message>
        <source>dismiss it as a false alarm</source>
        <translation>dismiss it as a false alarm</translation>
    </message>
    <message>
        <source>Refer case?</source>
        <translation>Refer case?</translation>
    </message>
    <message>
        <source>refer it to another reviewer or service</source>
        <translation>refer it to another reviewer or service</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>Case {case_id}</translation>
    </message>
    <message>
        <source>image purged (retention) or unavailable</source>
        <translation>image purged (retention) or unavailable</translation>
    </message>
    <message>
        <source>no heatmap</source>
        <translation>no heatmap</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Note (what was done, why)</source>
        <translation>Note (what was done, why)</translation>
    </message>
    <message>
        <source>Turned out to be: choose…</source>
        <translation>Turned out to be: choose…</translation>
    </message>
    <message>
        <source>Which condition (e.g. scabies)</source>
        <translation>Which condition (e.g. scabies)</translation>
    </message>
    <message>
        <source>&amp;Confirm (send to PCR)</source>
        <translation>&amp;Confirm (send to PCR)</translation>
    </message>
    <message>
        <source>&amp;Dismiss (false alarm)</source>
        <translation>&amp;Dismiss (false alarm)</translation>
    </message>
    <message>
        <source>&amp;Refer</source>
        <translation>&amp;Refer</translation>
    </message>
    <message>
        <source>Record &amp;label</source>
        <translation>Record &amp;label</translation>
    </message>
    <message>
        <source>PCR result: choose…</source>
        <translation>PCR result: choose…</translation>
    </message>
    <message>
        <source>Record &amp;outcome</source>
        <translation>Record &amp;outcome</translation>
    </message>
    <message>
        <source>History: {lines}</source>
        <translation>History: {lines}</translation>
    </message>
    <message>
        <source>not reviewed yet</source>
        <translation>not reviewed yet</translation>
    </message>
    <message>
        <source>Choose the PCR result first (positive or negative).</source>
        <translation>Choose the PCR result first (positive or negative).</translation>
    </message>
    <message>
        <source>Record outcome?</source>
        <translation>Record outcome?</translation>
    </message>
    <message>
        <source>record the outcome {outcome}</source>
        <translation>record the outcome {outcome}</translation>
    </message>
    <message>
        <source>Choose what the case turned out to be first.</source>
        <translation>Choose what the case turned out to be first.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: write why it changes in the note box, then press Record label again.</source>
        <translation>This case already has a confirmed label: write why it changes in the note box, then press Record label again.</translation>
    </message>
    <message>
        <source>Record confirmed label?</source>
        <translation>Record confirmed label?</translation>
    </message>
    <message>
        <source>record that it turned out to be: {label}</source>
        <translation>record that it turned out to be: {label}</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note: write why in the note box, then press Dismiss again.</source>
        <translation>Dismissing a confirmed case needs a note: write why in the note box, then press Dismiss again.</translation>
    </message>
    <message>
        <source>This change to a case with the status {status} needs a note: write why in the note box, then try again.</source>
        <translation>This change to a case with the status {status} needs a note: write why in the note box, then try again.</translation>
    </message>
    <message>
        <source>Case {case_id} ({decision}, {cls}, now {status}): {what}?</source>
        <translation>Case {case_id} ({decision}, {cls}, now {status}): {what}?</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <source>No note.</source>
        <translation>No note.</translation>
    </message>
    <message>
        <source>This is recorded with your name in the audit trail.</source>
        <translation>This is recorded with your name in the audit trail.</translation>
    </message>
    <message>
        <source>The change could not be saved: the case database did not accept it ({error}). Try again; if it keeps failing, call your administrator.</source>
        <translation>The change could not be saved: the case database did not accept it ({error}). Try again; if it keeps failing, call your administrator.</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Predicted</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>p(mpox)</source>
        <translation>p(mpox)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Case id</translation>
    </message>
    <message>
        <source>Traveller ref.</source>
        <translation>Traveller ref.</translation>
    </message>
    <message>
        <source>images purged</source>
        <translation>images purged</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>no image</translation>
    </message>
    <message>
        <source>The model&apos;s probability of mpox: a case is flagged when it reaches the flag threshold</source>
        <translation>The model&apos;s probability of mpox: a case is flagged when it reaches the flag threshold</translation>
    </message>
</context>
<context>
    <name>CaseWording</name>
    <message>
        <source>PCR positive</source>
        <translation>PCR positive</translation>
    </message>
    <message>
        <source>PCR negative</source>
        <translation>PCR negative</translation>
    </message>
    <message>
        <source>PCR not done</source>
        <translation>PCR not done</translation>
    </message>
    <message>
        <source>another condition</source>
        <translation>another condition</translation>
    </message>
    <message>
        <source>not skin</source>
        <translation>not skin</translation>
    </message>
    <message>
        <source>unknown (no diagnosis)</source>
        <translation>unknown (no diagnosis)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>dismissed</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>referred</translation>
    </message>
    <message>
        <source>recorded the outcome</source>
        <translation>recorded the outcome</translation>
    </message>
    <message>
        <source>recorded the confirmed label</source>
        <translation>recorded the confirmed label</translation>
    </message>
    <message>
        <source>FLAG</source>
        <translation>FLAG</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>REVIEW</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>CLEAR</translation>
    </message>
    <message>
        <source>RETAKE</source>
        <translation>RETAKE</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>officer</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>reviewer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>a flagged class reached the flag threshold</source>
        <translation>a flagged class reached the flag threshold</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>low confidence</translation>
    </message>
    <message>
        <source>condition not recognised</source>
        <translation>condition not recognised</translation>
    </message>
    <message>
        <source>not a skin close-up</source>
        <translation>not a skin close-up</translation>
    </message>
    <message>
        <source>doubtful picture</source>
        <translation>doubtful picture</translation>
    </message>
    <message>
        <source>confident result</source>
        <translation>confident result</translation>
    </message>
    <message>
        <source>the model failed</source>
        <translation>the model failed</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Sharpness</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Brightness</translation>
    </message>
    <message>
        <source>Burnt-out pixels</source>
        <translation>Burnt-out pixels</translation>
    </message>
    <message>
        <source>Skin in view</source>
        <translation>Skin in view</translation>
    </message>
    <message>
        <source>{value} of 255</source>
        <translation>{value} of 255</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>French</source>
        <translation>French</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portuguese</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabic</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>Simplified Chinese</translation>
    </message>
    <message>
        <source>The picture may be used to improve the model (traveller agreed).</source>
        <translation>The picture may be used to improve the model (traveller agreed).</translation>
    </message>
    <message>
        <source>The picture may NOT be used to improve the model.</source>
        <translation>The picture may NOT be used to improve the model.</translation>
    </message>
    <message>
        <source>Notice: not recorded (the station did not ask for the traveller&apos;s agreement)</source>
        <translation>Notice: not recorded (the station did not ask for the traveller&apos;s agreement)</translation>
    </message>
    <message>
        <source>shown for information (public-health basis)</source>
        <translation>shown for information (public-health basis)</translation>
    </message>
    <message>
        <source>traveller agreed</source>
        <translation>traveller agreed</translation>
    </message>
    <message>
        <source>traveller did not agree</source>
        <translation>traveller did not agree</translation>
    </message>
    <message>
        <source>language not recorded</source>
        <translation>language not recorded</translation>
    </message>
    <message>
        <source>Notice: version {version} ({language}), {answer}</source>
        <translation>Notice: version {version} ({language}), {answer}</translation>
    </message>
    <message>
        <source>Flag threshold ({classes})</source>
        <translation>Flag threshold ({classes})</translation>
    </message>
    <message>
        <source>Review threshold (top probability)</source>
        <translation>Review threshold (top probability)</translation>
    </message>
    <message>
        <source>Condition-not-recognised threshold (open-set score)</source>
        <translation>Condition-not-recognised threshold (open-set score)</translation>
    </message>
    <message>
        <source>Not-skin threshold (open-set score)</source>
        <translation>Not-skin threshold (open-set score)</translation>
    </message>
</context>
<context>
    <name>CaseWriter</name>
    <message>
        <source>Database busy: cases are kept on this computer and saved when it frees ({n} waiting)</source>
        <translation>Database busy: cases are kept on this computer and saved when it frees ({n} waiting)</translation>
    </message>
    <message>
        <source>Database unreachable: cases are kept on this computer and saved when it is back ({n} waiting)</source>
        <translation>Database unreachable: cases are kept on this computer and saved when it is back ({n} waiting)</translation>
    </message>
    <message>
        <source>Database cannot write (disk full or read-only): cases are kept on this computer ({n} waiting)</source>
        <translation>Database cannot write (disk full or read-only): cases are kept on this computer ({n} waiting)</translation>
    </message>
    <message>
        <source>A case could not be saved to the database and was set aside on this computer: call your administrator ({n} waiting)</source>
        <translation>A case could not be saved to the database and was set aside on this computer: call your administrator ({n} waiting)</translation>
    </message>
    <message>
        <source>Database error: cases are kept on this computer ({n} waiting); see the log</source>
        <translation>Database error: cases are kept on this computer ({n} waiting); see the log</translation>
    </message>
    <message>
        <source>Database OK: {written} saved, {n} waiting</source>
        <translation>Database OK: {written} saved, {n} waiting</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>Mpox (monkeypox)</source>
        <translation>Mpox (monkeypox)</translation>
    </message>
    <message>
        <source>Mpox</source>
        <translation>Mpox</translation>
    </message>
    <message>
        <source>Chickenpox</source>
        <translation>Chickenpox</translation>
    </message>
    <message>
        <source>Measles</source>
        <translation>Measles</translation>
    </message>
    <message>
        <source>Normal skin</source>
        <translation>Normal skin</translation>
    </message>
    <message>
        <source>Eczema</source>
        <translation>Eczema</translation>
    </message>
    <message>
        <source>Urticaria (hives)</source>
        <translation>Urticaria (hives)</translation>
    </message>
    <message>
        <source>Urticaria</source>
        <translation>Urticaria</translation>
    </message>
    <message>
        <source>Bullous disease</source>
        <translation>Bullous disease</translation>
    </message>
    <message>
        <source>Vasculitis</source>
        <translation>Vasculitis</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Technical detail (for the administrator): {detail}</source>
        <translation>Technical detail (for the administrator): {detail}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Flags per hour</source>
        <translation>Flags per hour</translation>
    </message>
    <message>
        <source>Flags per day</source>
        <translation>Flags per day</translation>
    </message>
    <message>
        <source>Decision mix</source>
        <translation>Decision mix</translation>
    </message>
    <message>
        <source>Predicted class (stored cases)</source>
        <translation>Predicted class (stored cases)</translation>
    </message>
    <message>
        <source>Top probability per predicted class</source>
        <translation>Top probability per predicted class</translation>
    </message>
    <message>
        <source>Hour (station time)</source>
        <translation>Hour (station time)</translation>
    </message>
    <message>
        <source>Flagged cases</source>
        <translation>Flagged cases</translation>
    </message>
    <message>
        <source>Day (station time)</source>
        <translation>Day (station time)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Predicted class</translation>
    </message>
    <message>
        <source>Top probability</source>
        <translation>Top probability</translation>
    </message>
    <message>
        <source>On confirmed cases: PPV and mpox recall of flags, per week</source>
        <translation>On confirmed cases: PPV and mpox recall of flags, per week</translation>
    </message>
    <message>
        <source>Week (station time)</source>
        <translation>Week (station time)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>On confirmed cases: no confirmed labels recorded yet.</source>
        <translation>On confirmed cases: no confirmed labels recorded yet.</translation>
    </message>
    <message>
        <source>PPV</source>
        <translation>PPV</translation>
    </message>
    <message>
        <source>mpox recall</source>
        <translation>mpox recall</translation>
    </message>
    <message>
        <source>On {n} confirmed cases: PPV of flags {ppv} ({both} mpox of {flagged} flagged), mpox recall {recall} ({both} flagged of {mpox} mpox; logged cases only).</source>
        <translation>On {n} confirmed cases: PPV of flags {ppv} ({both} mpox of {flagged} flagged), mpox recall {recall} ({both} flagged of {mpox} mpox; logged cases only).</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: no PCR outcomes recorded yet.</source>
        <translation>Positive predictive value of flags: no PCR outcomes recorded yet.</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: {ppv} ({positive} PCR positive of {flagged} flagged cases with an outcome).</source>
        <translation>Positive predictive value of flags: {ppv} ({positive} PCR positive of {flagged} flagged cases with an outcome).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write the export {path}: {error}; choose another folder</source>
        <translation>cannot write the export {path}: {error}; choose another folder</translation>
    </message>
    <message>
        <source>open-set score {score}</source>
        <translation>open-set score {score}</translation>
    </message>
    <message>
        <source>Images purged {date} (retention)</source>
        <translation>Images purged {date} (retention)</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>why: {reason}</translation>
    </message>
    <message>
        <source>Predicted {cls} {p}</source>
        <translation>Predicted {cls} {p}</translation>
    </message>
    <message>
        <source>Review: {status}</source>
        <translation>Review: {status}</translation>
    </message>
    <message>
        <source>Confirmed: {label}</source>
        <translation>Confirmed: {label}</translation>
    </message>
    <message>
        <source>Case {case_id} · {time} · station {station} · operator {operator} · traveller ref. {ref}</source>
        <translation>Case {case_id} · {time} · station {station} · operator {operator} · traveller ref. {ref}</translation>
    </message>
    <message>
        <source>Model {name} ({sha})</source>
        <translation>Model {name} ({sha})</translation>
    </message>
    <message>
        <source>Thresholds: {lines}</source>
        <translation>Thresholds: {lines}</translation>
    </message>
    <message>
        <source>Picture quality: {lines}</source>
        <translation>Picture quality: {lines}</translation>
    </message>
    <message>
        <source>Mpox screening: case report</source>
        <translation>Mpox screening: case report</translation>
    </message>
    <message>
        <source>{n} case(s), exported {time} (station time) by {user}. A screening aid, not a diagnosis.</source>
        <translation>{n} case(s), exported {time} (station time) by {user}. A screening aid, not a diagnosis.</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>not reviewed</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>Case {case_id}</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>History:</translation>
    </message>
    <message>
        <source>cannot write the PDF report {path}; check the folder is writable</source>
        <translation>cannot write the PDF report {path}; check the folder is writable</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>page {page} of {pages}</translation>
    </message>
    <message>
        <source>Mpox screening case report · exported {time} by {user} · confidential</source>
        <translation>Mpox screening case report · exported {time} by {user} · confidential</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>The case database is busy (locked by another program): wait a moment and try again.</source>
        <translation>The case database is busy (locked by another program): wait a moment and try again.</translation>
    </message>
    <message>
        <source>The case database cannot be reached: try again in a moment, or call your administrator.</source>
        <translation>The case database cannot be reached: try again in a moment, or call your administrator.</translation>
    </message>
    <message>
        <source>The case database cannot write (disk full or read-only): call your administrator.</source>
        <translation>The case database cannot write (disk full or read-only): call your administrator.</translation>
    </message>
    <message>
        <source>The case database refused the request: try again, or call your administrator.</source>
        <translation>The case database refused the request: try again, or call your administrator.</translation>
    </message>
    <message>
        <source>The station refused this. Call your administrator if it persists.</source>
        <translation>The station refused this. Call your administrator if it persists.</translation>
    </message>
    <message>
        <source>The user name must be 1 to 64 characters long.</source>
        <translation>The user name must be 1 to 64 characters long.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {n} characters.</source>
        <translation>The password is too short: use at least {n} characters.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>The password must not be the user name.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Create the admin account</translation>
    </message>
    <message>
        <source>First start: there are no accounts yet. Create the administrator account (password of at least {n} characters; there is no default password).</source>
        <translation>First start: there are no accounts yet. Create the administrator account (password of at least {n} characters; there is no default password).</translation>
    </message>
    <message>
        <source>The two passwords differ: type the password twice the same way.</source>
        <translation>The two passwords differ: type the password twice the same way.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Log in to the screening station.</source>
        <translation>Log in to the screening station.</translation>
    </message>
    <message>
        <source>Type your user name first.</source>
        <translation>Type your user name first.</translation>
    </message>
    <message>
        <source>wrong user name or password, or the account is locked after repeated failed log-ins: try again later or ask an admin</source>
        <translation>wrong user name or password, or the account is locked after repeated failed log-ins: try again later or ask an admin</translation>
    </message>
</context>
<context>
    <name>LostPanel</name>
    <message>
        <source>Camera lost</source>
        <translation>Camera lost</translation>
    </message>
    <message>
        <source>What to do: check the camera&apos;s cable and that no other program uses it, or choose another camera. Screening resumes by itself when the picture returns.</source>
        <translation>What to do: check the camera&apos;s cable and that no other program uses it, or choose another camera. Screening resumes by itself when the picture returns.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>no skin in view: point the camera at the rash</source>
        <translation>no skin in view: point the camera at the rash</translation>
    </message>
    <message>
        <source>too dark: add light or move closer to the lamp</source>
        <translation>too dark: add light or move closer to the lamp</translation>
    </message>
    <message>
        <source>too bright: reduce glare or move away from direct light</source>
        <translation>too bright: reduce glare or move away from direct light</translation>
    </message>
    <message>
        <source>rather dark</source>
        <translation>rather dark</translation>
    </message>
    <message>
        <source>too blurred: hold still and let the camera focus</source>
        <translation>too blurred: hold still and let the camera focus</translation>
    </message>
    <message>
        <source>slightly blurred</source>
        <translation>slightly blurred</translation>
    </message>
    <message>
        <source>little skin in view</source>
        <translation>little skin in view</translation>
    </message>
    <message>
        <source>{cls} probability {p:.2f} is at or above the flag threshold {flag:.2f}</source>
        <translation>{cls} probability {p:.2f} is at or above the flag threshold {flag:.2f}</translation>
    </message>
    <message>
        <source>This rash does not look like any condition the model knows (mpox and seven look-alikes): a person must look</source>
        <translation>This rash does not look like any condition the model knows (mpox and seven look-alikes): a person must look</translation>
    </message>
    <message>
        <source>open-set score {score:.2f}, threshold {threshold:.2f}</source>
        <translation>open-set score {score:.2f}, threshold {threshold:.2f}</translation>
    </message>
    <message>
        <source>top probability {p:.2f} is below the review threshold {review:.2f}</source>
        <translation>top probability {p:.2f} is below the review threshold {review:.2f}</translation>
    </message>
    <message>
        <source>no flagged class reached {flag:.2f}; top class {cls} at {p:.2f}</source>
        <translation>no flagged class reached {flag:.2f}; top class {cls} at {p:.2f}</translation>
    </message>
    <message>
        <source>image quality doubtful ({quality}); {reason}</source>
        <translation>image quality doubtful ({quality}); {reason}</translation>
    </message>
    <message>
        <source>this does not look like a skin close-up; point the camera at the affected skin</source>
        <translation>this does not look like a skin close-up; point the camera at the affected skin</translation>
    </message>
    <message>
        <source>the model gave no usable result for this picture; a person must screen the traveller</source>
        <translation>the model gave no usable result for this picture; a person must screen the traveller</translation>
    </message>
</context>
<context>
    <name>ReferralSlip</name>
    <message>
        <source>Referral to secondary screening</source>
        <translation>Referral to secondary screening</translation>
    </message>
    <message>
        <source>Secondary-screening desk: examine the affected skin; the clinician decides. This result is a screening aid, not a diagnosis.</source>
        <translation>Secondary-screening desk: examine the affected skin; the clinician decides. This result is a screening aid, not a diagnosis.</translation>
    </message>
    <message>
        <source>The case id above (also in the QR code) is this case&apos;s name in the station&apos;s case log and in the review window&apos;s case details: quote it when you report the outcome.</source>
        <translation>The case id above (also in the QR code) is this case&apos;s name in the station&apos;s case log and in the review window&apos;s case details: quote it when you report the outcome.</translation>
    </message>
    <message>
        <source>This slip holds health information about the traveller: keep it with their file, never in public view, and shred it when it is no longer needed.</source>
        <translation>This slip holds health information about the traveller: keep it with their file, never in public view, and shred it when it is no longer needed.</translation>
    </message>
    <message>
        <source>Take the traveller, with this slip, to the secondary-screening desk. Follow the site&apos;s infection-control procedure for a suspected infectious rash.</source>
        <translation>Take the traveller, with this slip, to the secondary-screening desk. Follow the site&apos;s infection-control procedure for a suspected infectious rash.</translation>
    </message>
    <message>
        <source>{action}; give this slip to the clinician who sees the traveller.</source>
        <translation>{action}; give this slip to the clinician who sees the traveller.</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>Mpox screening station</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Case id</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>QR code: case id</source>
        <translation>QR code: case id</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Top 3 classes (model probability)</source>
        <translation>Top 3 classes (model probability)</translation>
    </message>
    <message>
        <source>None: the rash does not look like any condition the model knows.</source>
        <translation>None: the rash does not look like any condition the model knows.</translation>
    </message>
    <message>
        <source>Screened picture</source>
        <translation>Screened picture</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls}</source>
        <translation>Heatmap: where the model looked for {cls}</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>The referral slip could not be saved in {folder} ({why}). Ask the station&apos;s administrator to make that folder writable, or to set [referral] folder in the configuration; until then, write case id {case_id} on a paper slip for the desk</source>
        <translation>The referral slip could not be saved in {folder} ({why}). Ask the station&apos;s administrator to make that folder writable, or to set [referral] folder in the configuration; until then, write case id {case_id} on a paper slip for the desk</translation>
    </message>
    <message>
        <source>{title}: case {case_id}</source>
        <translation>{title}: case {case_id}</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>the file could not be written</translation>
    </message>
    <message>
        <source>writing the file failed; the disk may be full</source>
        <translation>writing the file failed; the disk may be full</translation>
    </message>
    <message>
        <source>printer {printer} was not found; check [referral] printer in the configuration (the system&apos;s printers: lpstat -p), or print the saved PDF</source>
        <translation>printer {printer} was not found; check [referral] printer in the configuration (the system&apos;s printers: lpstat -p), or print the saved PDF</translation>
    </message>
    <message>
        <source>printer {printer} did not accept the slip; print the saved PDF</source>
        <translation>printer {printer} did not accept the slip; print the saved PDF</translation>
    </message>
    <message>
        <source>Referral slip saved: {path}</source>
        <translation>Referral slip saved: {path}</translation>
    </message>
    <message>
        <source>sent to printer {printer}</source>
        <translation>sent to printer {printer}</translation>
    </message>
    <message>
        <source>not printed: {error}</source>
        <translation>not printed: {error}</translation>
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <source>This case is no longer in the case database (an admin deleted it). Refresh the list (F5).</source>
        <translation>This case is no longer in the case database (an admin deleted it). Refresh the list (F5).</translation>
    </message>
    <message>
        <source>Your account may not do this. Log in with an account that may (a reviewer, or an admin), or ask an admin.</source>
        <translation>Your account may not do this. Log in with an account that may (a reviewer, or an admin), or ask an admin.</translation>
    </message>
    <message>
        <source>The picture&apos;s file is missing (removed after its retention period, or deleted).</source>
        <translation>The picture&apos;s file is missing (removed after its retention period, or deleted).</translation>
    </message>
    <message>
        <source>The picture cannot be shown: its file is damaged or was altered. Call your administrator.</source>
        <translation>The picture cannot be shown: its file is damaged or was altered. Call your administrator.</translation>
    </message>
    <message>
        <source>The pictures cannot be shown: the station&apos;s key file is unusable. Call your administrator.</source>
        <translation>The pictures cannot be shown: the station&apos;s key file is unusable. Call your administrator.</translation>
    </message>
    <message>
        <source>The case database could not do this. Try again; if it keeps failing, call your administrator.</source>
        <translation>The case database could not do this. Try again; if it keeps failing, call your administrator.</translation>
    </message>
</context>
<context>
    <name>ReviewRules</name>
    <message>
        <source>The note is {length} characters long; keep it under {most}.</source>
        <translation>The note is {length} characters long; keep it under {most}.</translation>
    </message>
    <message>
        <source>This case has a PCR outcome ({outcome}): its review status can no longer be changed (it stays {status}).</source>
        <translation>This case has a PCR outcome ({outcome}): its review status can no longer be changed (it stays {status}).</translation>
    </message>
    <message>
        <source>This case is already {status}.</source>
        <translation>This case is already {status}.</translation>
    </message>
    <message>
        <source>A {status} case cannot be changed with &apos;{action}&apos;.</source>
        <translation>A {status} case cannot be changed with &apos;{action}&apos;.</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note saying why.</source>
        <translation>Dismissing a confirmed case needs a note saying why.</translation>
    </message>
    <message>
        <source>Reopening a {status} case needs a note saying why.</source>
        <translation>Reopening a {status} case needs a note saying why.</translation>
    </message>
    <message>
        <source>This case was dismissed: reopen it (confirm or refer it, with a note) before recording a PCR outcome.</source>
        <translation>This case was dismissed: reopen it (confirm or refer it, with a note) before recording a PCR outcome.</translation>
    </message>
    <message>
        <source>A PCR outcome is recorded on a confirmed or referred case only; this case is {status}: confirm or refer it first.</source>
        <translation>A PCR outcome is recorded on a confirmed or referred case only; this case is {status}: confirm or refer it first.</translation>
    </message>
    <message>
        <source>This case already has this PCR outcome ({outcome}).</source>
        <translation>This case already has this PCR outcome ({outcome}).</translation>
    </message>
    <message>
        <source>This case already has a PCR outcome ({outcome}): changing it needs a note saying why (e.g. the laboratory corrected its result).</source>
        <translation>This case already has a PCR outcome ({outcome}): changing it needs a note saying why (e.g. the laboratory corrected its result).</translation>
    </message>
    <message>
        <source>Write which condition it turned out to be (e.g. scabies).</source>
        <translation>Write which condition it turned out to be (e.g. scabies).</translation>
    </message>
    <message>
        <source>The condition&apos;s name is {length} characters long; keep it under {most}.</source>
        <translation>The condition&apos;s name is {length} characters long; keep it under {most}.</translation>
    </message>
    <message>
        <source>This case already has this confirmed label.</source>
        <translation>This case already has this confirmed label.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: changing it needs a note saying why.</source>
        <translation>This case already has a confirmed label: changing it needs a note saying why.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Reviewing cases needs a reviewer or admin login.</source>
        <translation>Reviewing cases needs a reviewer or admin login.</translation>
    </message>
    <message>
        <source>Case review · {user} ({role})</source>
        <translation>Case review · {user} ({role})</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>All decisions</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>All stations</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>Any review status</translation>
    </message>
    <message>
        <source>Search traveller ref. or case id</source>
        <translation>Search traveller ref. or case id</translation>
    </message>
    <message>
        <source>A whole traveller reference (any case or spacing), or the start of a case id (as on the referral slip); Enter</source>
        <translation>A whole traveller reference (any case or spacing), or the start of a case id (as on the referral slip); Enter</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <source>Export selected to &amp;CSV…</source>
        <translation>Export selected to &amp;CSV…</translation>
    </message>
    <message>
        <source>Export selected to &amp;PDF…</source>
        <translation>Export selected to &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Verify audit trail</source>
        <translation>&amp;Verify audit trail</translation>
    </message>
    <message>
        <source>&amp;Log off</source>
        <translation>&amp;Log off</translation>
    </message>
    <message>
        <source>Reading the cases from the database…</source>
        <translation>Reading the cases from the database…</translation>
    </message>
    <message>
        <source>{total} case(s) match · {loaded} loaded</source>
        <translation>{total} case(s) match · {loaded} loaded</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Export the selected cases to folder</source>
        <translation>Export the selected cases to folder</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Select the cases to export first (Ctrl+A selects all loaded).</source>
        <translation>Select the cases to export first (Ctrl+A selects all loaded).</translation>
    </message>
    <message>
        <source>Exported {n} case(s) to {path} (readable by you only)</source>
        <translation>Exported {n} case(s) to {path} (readable by you only)</translation>
    </message>
    <message>
        <source>Audit trail intact: {entries} entries.</source>
        <translation>Audit trail intact: {entries} entries.</translation>
    </message>
    <message>
        <source>Audit trail TAMPERED:</source>
        <translation>Audit trail TAMPERED:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Case review</source>
        <translation>Case review</translation>
    </message>
    <message>
        <source>You are logged in as {user} ({role}).</source>
        <translation>You are logged in as {user} ({role}).</translation>
    </message>
    <message>
        <source>Nobody is logged in.</source>
        <translation>Nobody is logged in.</translation>
    </message>
    <message>
        <source>Log off and log in with a reviewer or admin account, or ask an admin.</source>
        <translation>Log off and log in with a reviewer or admin account, or ask an admin.</translation>
    </message>
    <message>
        <source>The refusal could not be written to the audit trail.</source>
        <translation>The refusal could not be written to the audit trail.</translation>
    </message>
</context>
<context>
    <name>ScreeningWindow</name>
    <message>
        <source>Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller to secondary screening.</source>
        <translation>Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller to secondary screening.</translation>
    </message>
    <message>
        <source>CAMERA LOST · no live picture</source>
        <translation>CAMERA LOST · no live picture</translation>
    </message>
    <message>
        <source>Check the cable or choose another camera [Ctrl+K]</source>
        <translation>Check the cable or choose another camera [Ctrl+K]</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Waiting for the camera…</translation>
    </message>
    <message>
        <source>Screening is unavailable: the model could not be loaded. Call your administrator.</source>
        <translation>Screening is unavailable: the model could not be loaded. Call your administrator.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>not configured</translation>
    </message>
    <message>
        <source>unavailable: cases are NOT saved. Call your administrator</source>
        <translation>unavailable: cases are NOT saved. Call your administrator</translation>
    </message>
    <message>
        <source>The camera delivers no picture.</source>
        <translation>The camera delivers no picture.</translation>
    </message>
    <message>
        <source>Picture may improve the model  [T]</source>
        <translation>Picture may improve the model  [T]</translation>
    </message>
    <message>
        <source>Traveller reference for the next capture (optional): document number or note — Ctrl+L</source>
        <translation>Traveller reference for the next capture (optional): document number or note — Ctrl+L</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>Mpox screening station</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Choose the camera (Ctrl+K): the cameras found, and the configured source</source>
        <translation>Choose the camera (Ctrl+K): the cameras found, and the configured source</translation>
    </message>
    <message>
        <source>Log off</source>
        <translation>Log off</translation>
    </message>
    <message>
        <source>End your session (Ctrl+Shift+L): the screen is cleared and the login comes back</source>
        <translation>End your session (Ctrl+Shift+L): the screen is cleared and the login comes back</translation>
    </message>
    <message>
        <source>Capture  [Space]</source>
        <translation>Capture  [Space]</translation>
    </message>
    <message>
        <source>Automatic  [A]</source>
        <translation>Automatic  [A]</translation>
    </message>
    <message>
        <source>Review cases  [Ctrl+R]</source>
        <translation>Review cases  [Ctrl+R]</translation>
    </message>
    <message>
        <source>Referral slip  [P]</source>
        <translation>Referral slip  [P]</translation>
    </message>
    <message>
        <source>Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer is configured: FLAG and REVIEW results saved as a case [P]</source>
        <translation>Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer is configured: FLAG and REVIEW results saved as a case [P]</translation>
    </message>
    <message>
        <source>The screened image and its heatmap appear here</source>
        <translation>The screened image and its heatmap appear here</translation>
    </message>
    <message>
        <source>Heatmap [H]</source>
        <translation>Heatmap [H]</translation>
    </message>
    <message>
        <source>Heatmap opacity ( - / + )</source>
        <translation>Heatmap opacity ( - / + )</translation>
    </message>
    <message>
        <source>Opacity [-/+]</source>
        <translation>Opacity [-/+]</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>Model: {model}</translation>
    </message>
    <message>
        <source>Model: none</source>
        <translation>Model: none</translation>
    </message>
    <message>
        <source>Inference —</source>
        <translation>Inference —</translation>
    </message>
    <message>
        <source>Camera —</source>
        <translation>Camera —</translation>
    </message>
    <message>
        <source>Dropped {n}</source>
        <translation>Dropped {n}</translation>
    </message>
    <message>
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it only a FLAG is saved, without picture or reference. It resets for the next traveller.</source>
        <translation>Press when the traveller has read the privacy notice and agrees [C]. Without it only a FLAG is saved, without picture or reference. It resets for the next traveller.</translation>
    </message>
    <message>
        <source>Ask the traveller whether their picture may be kept to improve the screening model; press only if they say yes [T]. It resets for the next traveller.</source>
        <translation>Ask the traveller whether their picture may be kept to improve the screening model; press only if they say yes [T]. It resets for the next traveller.</translation>
    </message>
    <message>
        <source>The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>The live view still works; screening starts once a model is configured and the station restarted.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it only a FLAG is saved, without picture or reference.</source>
        <translation>Show the traveller the privacy notice and press [C] when they agree; without it only a FLAG is saved, without picture or reference.</translation>
    </message>
    <message>
        <source> Case saved without picture or reference: the traveller did not agree to the notice.</source>
        <translation> Case saved without picture or reference: the traveller did not agree to the notice.</translation>
    </message>
    <message>
        <source> The case was NOT saved: call your administrator if it persists.</source>
        <translation> The case was NOT saved: call your administrator if it persists.</translation>
    </message>
    <message>
        <source> The database refused this case: it is set aside on this station; call your admin.</source>
        <translation> The database refused this case: it is set aside on this station; call your admin.</translation>
    </message>
    <message>
        <source> Case kept on this station: it goes into the database as soon as the database answers.</source>
        <translation> Case kept on this station: it goes into the database as soon as the database answers.</translation>
    </message>
    <message>
        <source>Screening this picture failed. Try again; if it persists, restart the station.</source>
        <translation>Screening this picture failed. Try again; if it persists, restart the station.</translation>
    </message>
    <message>
        <source>Database: {state}</source>
        <translation>Database: {state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>Traveller&apos;s language</translation>
    </message>
    <message>
        <source>The screening model was changed or damaged: call your administrator.</source>
        <translation>The screening model was changed or damaged: call your administrator.</translation>
    </message>
    <message>
        <source>Screening is out of service: the model keeps failing. Screen travellers by hand and call your administrator.</source>
        <translation>Screening is out of service: the model keeps failing. Screen travellers by hand and call your administrator.</translation>
    </message>
    <message>
        <source>The language of the traveller&apos;s panel and privacy notice (the station keeps its own)</source>
        <translation>The language of the traveller&apos;s panel and privacy notice (the station keeps its own)</translation>
    </message>
    <message>
        <source>Traveller agreed to the notice  [C]</source>
        <translation>Traveller agreed to the notice  [C]</translation>
    </message>
    <message>
        <source>No login (demo mode)</source>
        <translation>No login (demo mode)</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>Logged in: {name} ({role})</translation>
    </message>
    <message>
        <source>Logged in: {name}</source>
        <translation>Logged in: {name}</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <source>No live picture to screen: wait for the camera.</source>
        <translation>No live picture to screen: wait for the camera.</translation>
    </message>
    <message>
        <source>Wait for the live picture</source>
        <translation>Wait for the live picture</translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation>Screening…</translation>
    </message>
    <message>
        <source>Not found now: it is kept in the list because it is configured or in use</source>
        <translation>Not found now: it is kept in the list because it is configured or in use</translation>
    </message>
    <message>
        <source>Log in to screen travellers.</source>
        <translation>Log in to screen travellers.</translation>
    </message>
    <message>
        <source>Point the camera at the rash, then press Capture or turn on Automatic.</source>
        <translation>Point the camera at the rash, then press Capture or turn on Automatic.</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} was not saved: type it again with the new picture.</source>
        <translation> Traveller ref. {ref} was not saved: type it again with the new picture.</translation>
    </message>
    <message>
        <source>{time} · {reason}.{note}</source>
        <translation>{time} · {reason}.{note}</translation>
    </message>
    <message>
        <source>mean of {n} frames</source>
        <translation>mean of {n} frames</translation>
    </message>
    <message>
        <source>captured frame</source>
        <translation>captured frame</translation>
    </message>
    <message>
        <source> Saving the case on this station…</source>
        <translation> Saving the case on this station…</translation>
    </message>
    <message>
        <source> Case saved with traveller ref. {ref}.</source>
        <translation> Case saved with traveller ref. {ref}.</translation>
    </message>
    <message>
        <source> Case saved.</source>
        <translation> Case saved.</translation>
    </message>
    <message>
        <source> Nothing saved: the traveller did not agree to the notice (no case, no picture).</source>
        <translation> Nothing saved: the traveller did not agree to the notice (no case, no picture).</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} not saved (no case is kept for this result).</source>
        <translation> Traveller ref. {ref} not saved (no case is kept for this result).</translation>
    </message>
    <message>
        <source>{time} · {reason} ({how}).{saved}</source>
        <translation>{time} · {reason} ({how}).{saved}</translation>
    </message>
    <message>
        <source>Inference {infer:.0f} ms +heatmap {cam:.0f} ms</source>
        <translation>Inference {infer:.0f} ms +heatmap {cam:.0f} ms</translation>
    </message>
    <message>
        <source>SCREENING ERROR</source>
        <translation>SCREENING ERROR</translation>
    </message>
    <message>
        <source>Capture again</source>
        <translation>Capture again</translation>
    </message>
    <message>
        <source>Screened picture (no heatmap: this result names no condition)</source>
        <translation>Screened picture (no heatmap: this result names no condition)</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls} · dashed square: what the model saw</source>
        <translation>Heatmap: where the model looked for {cls} · dashed square: what the model saw</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked · dashed square: what the model saw</source>
        <translation>Heatmap: where the model looked · dashed square: what the model saw</translation>
    </message>
    <message>
        <source>Screened picture (heatmap off [H]) · dashed square: what the model saw</source>
        <translation>Screened picture (heatmap off [H]) · dashed square: what the model saw</translation>
    </message>
    <message>
        <source>No live picture since {time}; the station keeps trying the camera.</source>
        <translation>No live picture since {time}; the station keeps trying the camera.</translation>
    </message>
    <message>
        <source>Camera {fps:.1f} fps · shown {shown:.1f}</source>
        <translation>Camera {fps:.1f} fps · shown {shown:.1f}</translation>
    </message>
    <message>
        <source>Camera none</source>
        <translation>Camera none</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Mpox screening station: cannot start</source>
        <translation>Mpox screening station: cannot start</translation>
    </message>
    <message>
        <source>The station cannot start. Call your administrator.</source>
        <translation>The station cannot start. Call your administrator.</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <source>flag rate outside its usual range</source>
        <translation>flag rate outside its usual range</translation>
    </message>
    <message>
        <source>flag rate unlike the other stations</source>
        <translation>flag rate unlike the other stations</translation>
    </message>
    <message>
        <source>runs a model the other stations do not</source>
        <translation>runs a model the other stations do not</translation>
    </message>
    <message>
        <source>camera starting</source>
        <translation>camera starting</translation>
    </message>
    <message>
        <source>camera live</source>
        <translation>camera live</translation>
    </message>
    <message>
        <source>camera lost</source>
        <translation>camera lost</translation>
    </message>
    <message>
        <source>camera stopped</source>
        <translation>camera stopped</translation>
    </message>
    <message>
        <source>station closed</source>
        <translation>station closed</translation>
    </message>
    <message>
        <source>model unavailable</source>
        <translation>model unavailable</translation>
    </message>
    <message>
        <source>{rate} ({flags} of {screened})</source>
        <translation>{rate} ({flags} of {screened})</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Look at it because</source>
        <translation>Look at it because</translation>
    </message>
    <message>
        <source>Flag rate, 24 h</source>
        <translation>Flag rate, 24 h</translation>
    </message>
    <message>
        <source>Its past 14 days</source>
        <translation>Its past 14 days</translation>
    </message>
    <message>
        <source>All stations (median)</source>
        <translation>All stations (median)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Daily flag rate per station</source>
        <translation>Daily flag rate per station</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Day (UTC)</translation>
    </message>
    <message>
        <source>Flagged share of screenings</source>
        <translation>Flagged share of screenings</translation>
    </message>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>not up</source>
        <translation>not up</translation>
    </message>
    <message>
        <source>never (no heartbeat)</source>
        <translation>never (no heartbeat)</translation>
    </message>
    <message>
        <source>{up} of {n} stations up; {marked} to look at.</source>
        <translation>{up} of {n} stations up; {marked} to look at.</translation>
    </message>
</context>
<context>
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>flag {threshold:.2f}</translation>
    </message>
</context>
</TS>
