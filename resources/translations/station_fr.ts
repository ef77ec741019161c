<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>FLAG · suspected {cls}</source>
        <translation>ALERTE · suspicion de {cls}</translation>
    </message>
    <message>
        <source>REVIEW · manual review needed</source>
        <translation>À EXAMINER · examen manuel requis</translation>
    </message>
    <message>
        <source>CLEAR · {cls}</source>
        <translation>RAS · {cls}</translation>
    </message>
    <message>
        <source>RETAKE · image not usable</source>
        <translation>À REPRENDRE · image inutilisable</translation>
    </message>
    <message>
        <source>Ready · press Capture</source>
        <translation>Prêt · appuyez sur Capturer</translation>
    </message>
    <message>
        <source>SCREENING UNAVAILABLE</source>
        <translation>DÉPISTAGE INDISPONIBLE</translation>
    </message>
    <message>
        <source>LOGGED OFF · log in to screen</source>
        <translation>DÉCONNECTÉ · connectez-vous pour dépister</translation>
    </message>
    <message>
        <source>RETAKE · not a skin close-up</source>
        <translation>À REPRENDRE · pas un gros plan de la peau</translation>
    </message>
    <message>
        <source>REVIEW · condition not recognised</source>
        <translation>À EXAMINER · affection non reconnue</translation>
    </message>
    <message>
        <source>Send to secondary screening</source>
        <translation>Orienter vers le contrôle sanitaire secondaire</translation>
    </message>
    <message>
        <source>Hold the traveller and ask the duty clinician</source>
        <translation>Retenir le voyageur et appeler le clinicien de garde</translation>
    </message>
    <message>
        <source>Let the traveller pass</source>
        <translation>Laisser passer le voyageur</translation>
    </message>
    <message>
        <source>Take the picture again</source>
        <translation>Reprendre la photo</translation>
    </message>
    <message>
        <source>Hold the camera steady, closer, in good light</source>
        <translation>Tenir la caméra immobile, plus près, sous un bon éclairage</translation>
    </message>
    <message>
        <source>Point the camera at the affected skin</source>
        <translation>Pointer la caméra vers la peau atteinte</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>Mpox (monkeypox)</source>
        <translation>Mpox (variole du singe)</translation>
    </message>
    <message>
        <source>Mpox</source>
        <translation>Mpox</translation>
    </message>
    <message>
        <source>Chickenpox</source>
        <translation>Varicelle</translation>
    </message>
    <message>
        <source>Measles</source>
        <translation>Rougeole</translation>
    </message>
    <message>
        <source>Normal skin</source>
        <translation>Peau normale</translation>
    </message>
    <message>
        <source>Eczema</source>
        <translation>Eczéma</translation>
    </message>
    <message>
        <source>Urticaria (hives)</source>
        <translation>Urticaire (plaques d&apos;urticaire)</translation>
    </message>
    <message>
        <source>Urticaria</source>
        <translation>Urticaire</translation>
    </message>
    <message>
        <source>Bullous disease</source>
        <translation>Maladie bulleuse</translation>
    </message>
    <message>
        <source>Vasculitis</source>
        <translation>Vascularite</translation>
    </message>
</context>
<context>
    <name>LostPanel</name>
    <message>
        <source>Camera lost</source>
        <translation>Caméra perdue</translation>
    </message>
    <message>
        <source>What to do: check the camera&apos;s cable and that no other program uses it, or choose another camera. Screening resumes by itself when the picture returns.</source>
        <translation>Que faire : vérifiez le câble de la caméra et qu&apos;aucun autre programme ne l&apos;utilise, ou choisissez une autre caméra. Le dépistage reprend de lui-même dès que l&apos;image revient.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>no skin in view: point the camera at the rash</source>
        <translation>aucune peau visible : pointez la caméra vers l&apos;éruption</translation>
    </message>
    <message>
        <source>too dark: add light or move closer to the lamp</source>
        <translation>trop sombre : ajoutez de la lumière ou rapprochez-vous de la lampe</translation>
    </message>
    <message>
        <source>too bright: reduce glare or move away from direct light</source>
        <translation>trop clair : réduisez les reflets ou éloignez-vous de la lumière directe</translation>
    </message>
    <message>
        <source>rather dark</source>
        <translation>plutôt sombre</translation>
    </message>
    <message>
        <source>too blurred: hold still and let the camera focus</source>
        <translation>trop flou : restez immobile et laissez la caméra faire la mise au point</translation>
    </message>
    <message>
        <source>slightly blurred</source>
        <translation>légèrement flou</translation>
    </message>
    <message>
        <source>little skin in view</source>
        <translation>peu de peau visible</translation>
    </message>
    <message>
        <source>{cls} probability {p:.2f} is at or above the flag threshold {flag:.2f}</source>
        <translation>la probabilité de {cls}, {p:.2f}, atteint ou dépasse le seuil d&apos;alerte {flag:.2f}</translation>
    </message>
    <message>
        <source>This rash does not look like any condition the model knows (mpox and seven look-alikes): a person must look</source>
        <translation>Cette éruption ne ressemble à aucune affection connue du modèle (mpox et sept affections semblables) : une personne doit l&apos;examiner</translation>
    </message>
    <message>
        <source>open-set score {score:.2f}, threshold {threshold:.2f}</source>
        <translation>score d&apos;affection inconnue {score:.2f}, seuil {threshold:.2f}</translation>
    </message>
    <message>
        <source>top probability {p:.2f} is below the review threshold {review:.2f}</source>
        <translation>la probabilité la plus élevée, {p:.2f}, est sous le seuil d&apos;examen {review:.2f}</translation>
    </message>
    <message>
        <source>no flagged class reached {flag:.2f}; top class {cls} at {p:.2f}</source>
        <translation>aucune classe surveillée n&apos;a atteint {flag:.2f} ; classe la plus probable {cls} à {p:.2f}</translation>
    </message>
    <message>
        <source>image quality doubtful ({quality}); {reason}</source>
        <translation>qualité d&apos;image douteuse ({quality}) ; {reason}</translation>
    </message>
    <message>
        <source>this does not look like a skin close-up; point the camera at the affected skin</source>
        <translation>ceci ne ressemble pas à un gros plan de la peau ; pointez la caméra vers la peau atteinte</translation>
    </message>
</context>
<context>
    <name>ScreeningWindow</name>
    <message>
        <source>Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller to secondary screening.</source>
        <translation>Aide au dépistage, pas un diagnostic : l&apos;agent décide. En cas de doute, orientez le voyageur vers le contrôle secondaire.</translation>
    </message>
    <message>
        <source>CAMERA LOST · no live picture</source>
        <translation>CAMÉRA PERDUE · pas d&apos;image en direct</translation>
    </message>
    <message>
        <source>Check the cable or choose another camera [Ctrl+K]</source>
        <translation>Vérifier le câble ou choisir une autre caméra [Ctrl+K]</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>En attente de la caméra…</translation>
    </message>
    <message>
        <source>Traveller reference for the next capture (optional): document number or note — Ctrl+L</source>
        <translation>Référence du voyageur pour la prochaine capture (facultatif) : numéro de document ou note — Ctrl+L</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>Poste de dépistage mpox</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Choose the camera (Ctrl+K): the cameras found, and the configured source</source>
        <translation>Choisir la caméra (Ctrl+K) : les caméras détectées et la source configurée</translation>
    </message>
    <message>
        <source>Log off</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>End your session (Ctrl+Shift+L): the screen is cleared and the login comes back</source>
        <translation>Terminer votre session (Ctrl+Shift+L) : l&apos;écran est effacé et la connexion revient</translation>
    </message>
    <message>
        <source>Capture  [Space]</source>
        <translation>Capturer  [Space]</translation>
    </message>
    <message>
        <source>Automatic  [A]</source>
        <translation>Automatique  [A]</translation>
    </message>
    <message>
        <source>Review cases  [Ctrl+R]</source>
        <translation>Examiner les cas  [Ctrl+R]</translation>
    </message>
    <message>
        <source>Referral slip  [P]</source>
        <translation>Fiche d&apos;orientation  [P]</translation>
    </message>
    <message>
        <source>Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer is configured: FLAG and REVIEW results saved as a case [P]</source>
        <translation>Enregistrer la fiche d&apos;orientation (PDF) pour le poste de contrôle secondaire, et l&apos;imprimer si une imprimante est configurée : résultats ALERTE et À EXAMINER enregistrés comme cas [P]</translation>
    </message>
    <message>
        <source>The screened image and its heatmap appear here</source>
        <translation>L&apos;image analysée et sa carte de chaleur apparaissent ici</translation>
    </message>
    <message>
        <source>Heatmap [H]</source>
        <translation>Carte de chaleur [H]</translation>
    </message>
    <message>
        <source>Heatmap opacity ( - / + )</source>
        <translation>Opacité de la carte de chaleur ( - / + )</translation>
    </message>
    <message>
        <source>Opacity [-/+]</source>
        <translation>Opacité [-/+]</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>Modèle : {model}</translation>
    </message>
    <message>
        <source>Model: none</source>
        <translation>Modèle : aucun</translation>
    </message>
    <message>
        <source>Inference —</source>
        <translation>Inférence —</translation>
    </message>
    <message>
        <source>Camera —</source>
        <translation>Caméra —</translation>
    </message>
    <message>
        <source>Dropped {n}</source>
        <translation>Perdues {n}</translation>
    </message>
    <message>
        <source>Database: {state}</source>
        <translation>Base de données : {state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>Langue du voyageur</translation>
    </message>
    <message>
        <source>The language of the traveller&apos;s panel and privacy notice (the station keeps its own)</source>
        <translation>La langue du panneau et de l&apos;avis de confidentialité du voyageur (le poste garde la sienne)</translation>
    </message>
    <message>
        <source>Traveller agreed to the notice  [C]</source>
        <translation>Le voyageur accepte l&apos;avis  [C]</translation>
    </message>
    <message>
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it the result is shown but nothing is saved. It resets for the next traveller.</source>
        <translation>Appuyez quand le voyageur a lu l&apos;avis de confidentialité et l&apos;accepte [C]. Sans cela, le résultat est affiché mais rien n&apos;est enregistré. Remis à zéro pour le voyageur suivant.</translation>
    </message>
    <message>
        <source>No login (demo mode)</source>
        <translation>Sans connexion (mode démo)</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>Connecté : {name} ({role})</translation>
    </message>
    <message>
        <source>Logged in: {name}</source>
        <translation>Connecté : {name}</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Personne n&apos;est connecté</translation>
    </message>
    <message>
        <source>No live picture to screen: wait for the camera.</source>
        <translation>Aucune image en direct à analyser : attendez la caméra.</translation>
    </message>
    <message>
        <source>Wait for the live picture</source>
        <translation>Attendre l&apos;image en direct</translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation>Analyse…</translation>
    </message>
    <message>
        <source>Not found now: it is kept in the list because it is configured or in use</source>
        <translation>Introuvable pour l&apos;instant : gardée dans la liste car configurée ou en cours d&apos;utilisation</translation>
    </message>
    <message>
        <source>Log in to screen travellers.</source>
        <translation>Connectez-vous pour dépister les voyageurs.</translation>
    </message>
    <message>
        <source>{problem}. The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>{problem}. L&apos;image en direct fonctionne toujours ; le dépistage démarre une fois un modèle configuré et le poste redémarré.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it the result is shown but nothing is saved.</source>
        <translation>Montrez l&apos;avis de confidentialité au voyageur et appuyez sur [C] s&apos;il l&apos;accepte ; sinon le résultat est affiché mais rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>Point the camera at the rash, then press Capture or turn on Automatic.</source>
        <translation>Pointez la caméra vers l&apos;éruption, puis appuyez sur Capturer ou activez Automatique.</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} was not saved: type it again with the new picture.</source>
        <translation> La réf. voyageur {ref} n&apos;a pas été enregistrée : saisissez-la à nouveau avec la nouvelle photo.</translation>
    </message>
    <message>
        <source>{time} · {reason}.{note}</source>
        <translation>{time} · {reason}.{note}</translation>
    </message>
    <message>
        <source>mean of {n} frames</source>
        <translation>moyenne de {n} images</translation>
    </message>
    <message>
        <source>captured frame</source>
        <translation>image capturée</translation>
    </message>
    <message>
        <source> Case saved with traveller ref. {ref}.</source>
        <translation> Cas enregistré avec la réf. voyageur {ref}.</translation>
    </message>
    <message>
        <source> Case saved.</source>
        <translation> Cas enregistré.</translation>
    </message>
    <message>
        <source> Nothing saved: the traveller did not agree to the notice (no case, no picture).</source>
        <translation> Rien d&apos;enregistré : le voyageur n&apos;a pas accepté l&apos;avis (ni dossier, ni photo).</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} not saved (no case is kept for this result).</source>
        <translation> Réf. voyageur {ref} non enregistrée (aucun cas n&apos;est conservé pour ce résultat).</translation>
    </message>
    <message>
        <source>{time} · {reason} ({how}).{saved}</source>
        <translation>{time} · {reason} ({how}).{saved}</translation>
    </message>
    <message>
        <source>Inference {infer:.0f} ms +heatmap {cam:.0f} ms</source>
        <translation>Inférence {infer:.0f} ms +carte {cam:.0f} ms</translation>
    </message>
    <message>
        <source>{problem}. Try again; if it persists, restart the station.</source>
        <translation>{problem}. Réessayez ; si le problème persiste, redémarrez le poste.</translation>
    </message>
    <message>
        <source>SCREENING ERROR</source>
        <translation>ERREUR DE DÉPISTAGE</translation>
    </message>
    <message>
        <source>Capture again</source>
        <translation>Capturer à nouveau</translation>
    </message>
    <message>
        <source>Screened picture (no heatmap: this result names no condition)</source>
        <translation>Image analysée (pas de carte de chaleur : ce résultat ne nomme aucune affection)</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls} · dashed square: what the model saw</source>
        <translation>Carte de chaleur : où le modèle a cherché {cls} · carré pointillé : ce que le modèle a vu</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked · dashed square: what the model saw</source>
        <translation>Carte de chaleur : où le modèle a regardé · carré pointillé : ce que le modèle a vu</translation>
    </message>
    <message>
        <source>Screened picture (heatmap off [H]) · dashed square: what the model saw</source>
        <translation>Image analysée (carte de chaleur désactivée [H]) · carré pointillé : ce que le modèle a vu</translation>
    </message>
    <message>
        <source>No live picture since {time}; the station keeps trying the camera.</source>
        <translation>Pas d&apos;image en direct depuis {time} ; le poste continue d&apos;essayer la caméra.</translation>
    </message>
    <message>
        <source>OK, {written} saved, {pending} waiting</source>
        <translation>OK, {written} enregistrés, {pending} en attente</translation>
    </message>
    <message>
        <source>Database: retrying ({pending} waiting, kept on disk)</source>
        <translation>Base de données : nouvel essai ({pending} en attente, gardés sur disque)</translation>
    </message>
    <message>
        <source>Camera {fps:.1f} fps · shown {shown:.1f}</source>
        <translation>Caméra {fps:.1f} i/s · affichées {shown:.1f}</translation>
    </message>
    <message>
        <source>Camera none</source>
        <translation>Caméra : aucune</translation>
    </message>
</context>
<context>
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>alerte {threshold:.2f}</translation>
    </message>
</context>
</TS>
