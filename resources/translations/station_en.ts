<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>Database: {state}</source>
        <translation>Database: {state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>Traveller&apos;s language</translation>
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
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it the result is shown but nothing is saved. It resets for the next traveller.</source>
        <translation>Press when the traveller has read the privacy notice and agrees [C]. Without it the result is shown but nothing is saved. It resets for the next traveller.</translation>
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
        <source>{problem}. The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>{problem}. The live view still works; screening starts once a model is configured and the station restarted.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it the result is shown but nothing is saved.</source>
        <translation>Show the traveller the privacy notice and press [C] when they agree; without it the result is shown but nothing is saved.</translation>
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
        <source>{problem}. Try again; if it persists, restart the station.</source>
        <translation>{problem}. Try again; if it persists, restart the station.</translation>
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
        <source>OK, {written} saved, {pending} waiting</source>
        <translation>OK, {written} saved, {pending} waiting</translation>
    </message>
    <message>
        <source>Database: retrying ({pending} waiting, kept on disk)</source>
        <translation>Database: retrying ({pending} waiting, kept on disk)</translation>
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
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>flag {threshold:.2f}</translation>
    </message>
</context>
</TS>
