<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AdminTabs</name>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bloqué jusqu&apos;à</translation>
    </message>
    <message>
        <source>Failed log-ins</source>
        <translation>Connexions échouées</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Changer le rôle…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Every change is checked by the store and written to the audit log.</source>
        <translation>Chaque modification est vérifiée par la base et inscrite au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>New role for {user}:</source>
        <translation>Nouveau rôle pour {user} :</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Non modifié</translation>
    </message>
    <message>
        <source>What it concerns (a user, a case id)</source>
        <translation>Objet (un utilisateur, un identifiant de cas)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>{n} newest entries; `mpox-kiosk verify-audit` checks the whole chain.</source>
        <translation>Les {n} entrées les plus récentes ; `mpox-kiosk verify-audit` vérifie toute la chaîne.</translation>
    </message>
</context>
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
        <source>REVIEW · the model failed</source>
        <translation>EXAMEN · le modèle a échoué</translation>
    </message>
    <message>
        <source>Screen this traveller by hand</source>
        <translation>Examinez ce voyageur à la main</translation>
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
    <name>Capture</name>
    <message>
        <source>The camera cannot be opened: check that it is plugged in and not used by another program, or choose another camera.</source>
        <translation>La caméra ne peut pas être ouverte : vérifiez qu&apos;elle est branchée et qu&apos;aucun autre programme ne l&apos;utilise, ou choisissez une autre caméra.</translation>
    </message>
    <message>
        <source>The configured picture source cannot be opened: choose a camera, or call your administrator.</source>
        <translation>La source d&apos;images configurée ne peut pas être ouverte : choisissez une caméra, ou appelez votre administrateur.</translation>
    </message>
    <message>
        <source>The camera could not be started: choose another camera, or call your administrator.</source>
        <translation>La caméra n&apos;a pas pu être démarrée : choisissez une autre caméra, ou appelez votre administrateur.</translation>
    </message>
    <message>
        <source>No new picture for {seconds:.1f} s: the camera may be unplugged, used by another program or frozen.</source>
        <translation>Aucune nouvelle image depuis {seconds:.1f} s : la caméra est peut-être débranchée, utilisée par un autre programme ou figée.</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures (reading failed).</source>
        <translation>La caméra ne fournit plus d&apos;images (échec de lecture).</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures.</source>
        <translation>La caméra ne fournit plus d&apos;images.</translation>
    </message>
    <message>
        <source>The camera delivers pictures of the wrong size or format: choose another camera.</source>
        <translation>La caméra fournit des images d&apos;une taille ou d&apos;un format incorrects : choisissez une autre caméra.</translation>
    </message>
    <message>
        <source>Picture skipped because it could not be read: {file}</source>
        <translation>Image ignorée car elle n&apos;a pas pu être lue : {file}</translation>
    </message>
    <message>
        <source>Trying again in {seconds:.0f} s.</source>
        <translation>Nouvel essai dans {seconds:.0f} s.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <source>not a source</source>
        <translation>pas une source</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Confirm case?</source>
        <translation>Confirmer le cas ?</translation>
    </message>
    <message>
        <source>confirm it (send the traveller to secondary screening / PCR)</source>
        <translation>le confirmer (orienter le voyageur vers le contrôle secondaire / PCR)</translation>
    </message>
    <message>
        <source>Dismiss case?</source>
        <translation>Écarter le cas ?</translation>
    </message>
    <message>
        <source>dismiss it as a false alarm</source>
        <translation>l&apos;écarter comme fausse alerte</translation>
    </message>
    <message>
        <source>Refer case?</source>
        <translation>Transmettre le cas ?</translation>
    </message>
    <message>
        <source>refer it to another reviewer or service</source>
        <translation>le transmettre à un autre relecteur ou service</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>Cas {case_id}</translation>
    </message>
    <message>
        <source>image purged (retention) or unavailable</source>
        <translation>image supprimée (conservation) ou indisponible</translation>
    </message>
    <message>
        <source>no heatmap</source>
        <translation>pas de carte de chaleur</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Note (what was done, why)</source>
        <translation>Note (ce qui a été fait, pourquoi)</translation>
    </message>
    <message>
        <source>Turned out to be: choose…</source>
        <translation>Diagnostic confirmé : choisir…</translation>
    </message>
    <message>
        <source>Which condition (e.g. scabies)</source>
        <translation>Quelle affection (p. ex. gale)</translation>
    </message>
    <message>
        <source>&amp;Confirm (send to PCR)</source>
        <translation>&amp;Confirmer (envoyer en PCR)</translation>
    </message>
    <message>
        <source>&amp;Dismiss (false alarm)</source>
        <translation>É&amp;carter (fausse alerte)</translation>
    </message>
    <message>
        <source>&amp;Refer</source>
        <translation>&amp;Transmettre</translation>
    </message>
    <message>
        <source>Record &amp;label</source>
        <translation>Enregistrer le &amp;diagnostic</translation>
    </message>
    <message>
        <source>PCR result: choose…</source>
        <translation>Résultat PCR : choisir…</translation>
    </message>
    <message>
        <source>Record &amp;outcome</source>
        <translation>Enregistrer le &amp;résultat</translation>
    </message>
    <message>
        <source>History: {lines}</source>
        <translation>Historique : {lines}</translation>
    </message>
    <message>
        <source>not reviewed yet</source>
        <translation>pas encore relu</translation>
    </message>
    <message>
        <source>Choose the PCR result first (positive or negative).</source>
        <translation>Choisissez d&apos;abord le résultat PCR (positif ou négatif).</translation>
    </message>
    <message>
        <source>Record outcome?</source>
        <translation>Enregistrer le résultat ?</translation>
    </message>
    <message>
        <source>record the outcome {outcome}</source>
        <translation>enregistrer le résultat {outcome}</translation>
    </message>
    <message>
        <source>Choose what the case turned out to be first.</source>
        <translation>Choisissez d&apos;abord le diagnostic confirmé du cas.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: write why it changes in the note box, then press Record label again.</source>
        <translation>Ce cas a déjà un diagnostic confirmé : écrivez pourquoi il change dans la note, puis appuyez de nouveau sur Enregistrer le diagnostic.</translation>
    </message>
    <message>
        <source>Record confirmed label?</source>
        <translation>Enregistrer le diagnostic confirmé ?</translation>
    </message>
    <message>
        <source>record that it turned out to be: {label}</source>
        <translation>enregistrer que le diagnostic est : {label}</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note: write why in the note box, then press Dismiss again.</source>
        <translation>Écarter un cas confirmé demande une note : écrivez pourquoi dans la zone de note, puis appuyez de nouveau sur Écarter.</translation>
    </message>
    <message>
        <source>This change to a case with the status {status} needs a note: write why in the note box, then try again.</source>
        <translation>Cette modification d&apos;un cas au statut {status} demande une note : écrivez pourquoi dans la zone de note, puis réessayez.</translation>
    </message>
    <message>
        <source>Case {case_id} ({decision}, {cls}, now {status}): {what}?</source>
        <translation>Cas {case_id} ({decision}, {cls}, actuellement {status}) : {what} ?</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note : {note}</translation>
    </message>
    <message>
        <source>No note.</source>
        <translation>Pas de note.</translation>
    </message>
    <message>
        <source>This is recorded with your name in the audit trail.</source>
        <translation>Ceci est enregistré avec votre nom dans la piste d&apos;audit.</translation>
    </message>
    <message>
        <source>The change could not be saved: the case database did not accept it ({error}). Try again; if it keeps failing, call your administrator.</source>
        <translation>La modification n&apos;a pas pu être enregistrée : la base des cas ne l&apos;a pas acceptée ({error}). Réessayez ; si l&apos;échec persiste, appelez votre administrateur.</translation>
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
        <translation>Heure</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Prédiction</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>p(mpox)</source>
        <translation>p(mpox)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>N° de cas</translation>
    </message>
    <message>
        <source>Traveller ref.</source>
        <translation>Réf. voyageur</translation>
    </message>
    <message>
        <source>images purged</source>
        <translation>images supprimées</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>pas d&apos;image</translation>
    </message>
    <message>
        <source>The model&apos;s probability of mpox: a case is flagged when it reaches the flag threshold</source>
        <translation>Probabilité de mpox selon le modèle : un cas est signalé quand elle atteint le seuil d&apos;alerte</translation>
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
        <translation>PCR négative</translation>
    </message>
    <message>
        <source>PCR not done</source>
        <translation>PCR non faite</translation>
    </message>
    <message>
        <source>another condition</source>
        <translation>une autre affection</translation>
    </message>
    <message>
        <source>not skin</source>
        <translation>pas de la peau</translation>
    </message>
    <message>
        <source>unknown (no diagnosis)</source>
        <translation>inconnu (pas de diagnostic)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Écarté</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Transmis</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>a confirmé</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>a écarté</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>a transmis</translation>
    </message>
    <message>
        <source>recorded the outcome</source>
        <translation>a enregistré le résultat</translation>
    </message>
    <message>
        <source>recorded the confirmed label</source>
        <translation>a enregistré le diagnostic confirmé</translation>
    </message>
    <message>
        <source>FLAG</source>
        <translation>ALERTE</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>À EXAMINER</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>RAS</translation>
    </message>
    <message>
        <source>RETAKE</source>
        <translation>À REPRENDRE</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>relecteur</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>a flagged class reached the flag threshold</source>
        <translation>une classe signalée a atteint le seuil d&apos;alerte</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>confiance faible</translation>
    </message>
    <message>
        <source>condition not recognised</source>
        <translation>affection non reconnue</translation>
    </message>
    <message>
        <source>not a skin close-up</source>
        <translation>pas un gros plan de la peau</translation>
    </message>
    <message>
        <source>doubtful picture</source>
        <translation>image douteuse</translation>
    </message>
    <message>
        <source>confident result</source>
        <translation>résultat fiable</translation>
    </message>
    <message>
        <source>the model failed</source>
        <translation>le modèle a échoué</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Netteté</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Luminosité</translation>
    </message>
    <message>
        <source>Burnt-out pixels</source>
        <translation>Pixels saturés</translation>
    </message>
    <message>
        <source>Skin in view</source>
        <translation>Peau visible</translation>
    </message>
    <message>
        <source>{value} of 255</source>
        <translation>{value} sur 255</translation>
    </message>
    <message>
        <source>English</source>
        <translation>anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>espagnol</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugais</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>arabe</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>chinois simplifié</translation>
    </message>
    <message>
        <source>The picture may be used to improve the model (traveller agreed).</source>
        <translation>L&apos;image peut servir à améliorer le modèle (le voyageur a accepté).</translation>
    </message>
    <message>
        <source>The picture may NOT be used to improve the model.</source>
        <translation>L&apos;image ne peut PAS servir à améliorer le modèle.</translation>
    </message>
    <message>
        <source>Notice: not recorded (the station did not ask for the traveller&apos;s agreement)</source>
        <translation>Avis : non enregistré (le poste n&apos;a pas demandé l&apos;accord du voyageur)</translation>
    </message>
    <message>
        <source>shown for information (public-health basis)</source>
        <translation>présentée pour information (base de santé publique)</translation>
    </message>
    <message>
        <source>traveller agreed</source>
        <translation>le voyageur a accepté</translation>
    </message>
    <message>
        <source>traveller did not agree</source>
        <translation>le voyageur n&apos;a pas accepté</translation>
    </message>
    <message>
        <source>language not recorded</source>
        <translation>langue non enregistrée</translation>
    </message>
    <message>
        <source>Notice: version {version} ({language}), {answer}</source>
        <translation>Avis : version {version} ({language}), {answer}</translation>
    </message>
    <message>
        <source>Flag threshold ({classes})</source>
        <translation>Seuil d&apos;alerte ({classes})</translation>
    </message>
    <message>
        <source>Review threshold (top probability)</source>
        <translation>Seuil d&apos;examen (probabilité la plus haute)</translation>
    </message>
    <message>
        <source>Condition-not-recognised threshold (open-set score)</source>
        <translation>Seuil « affection non reconnue » (score open-set)</translation>
    </message>
    <message>
        <source>Not-skin threshold (open-set score)</source>
        <translation>Seuil « pas de la peau » (score open-set)</translation>
    </message>
</context>
<context>
    <name>CaseWriter</name>
    <message>
        <source>Database busy: cases are kept on this computer and saved when it frees ({n} waiting)</source>
        <translation>Base de données occupée : les cas sont conservés sur cet ordinateur et enregistrés dès qu&apos;elle se libère ({n} en attente)</translation>
    </message>
    <message>
        <source>Database unreachable: cases are kept on this computer and saved when it is back ({n} waiting)</source>
        <translation>Base de données injoignable : les cas sont conservés sur cet ordinateur et enregistrés à son retour ({n} en attente)</translation>
    </message>
    <message>
        <source>Database cannot write (disk full or read-only): cases are kept on this computer ({n} waiting)</source>
        <translation>La base de données ne peut pas écrire (disque plein ou en lecture seule) : les cas sont conservés sur cet ordinateur ({n} en attente)</translation>
    </message>
    <message>
        <source>A case could not be saved to the database and was set aside on this computer: call your administrator ({n} waiting)</source>
        <translation>Un cas n&apos;a pas pu être enregistré dans la base et a été mis de côté sur cet ordinateur : appelez votre administrateur ({n} en attente)</translation>
    </message>
    <message>
        <source>Database error: cases are kept on this computer ({n} waiting); see the log</source>
        <translation>Erreur de base de données : les cas sont conservés sur cet ordinateur ({n} en attente) ; voir le journal</translation>
    </message>
    <message>
        <source>Database OK: {written} saved, {n} waiting</source>
        <translation>Base de données OK : {written} enregistrés, {n} en attente</translation>
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
    <name>Common</name>
    <message>
        <source>Technical detail (for the administrator): {detail}</source>
        <translation>Détail technique (pour l&apos;administrateur) : {detail}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Flags per hour</source>
        <translation>Alertes par heure</translation>
    </message>
    <message>
        <source>Flags per day</source>
        <translation>Alertes par jour</translation>
    </message>
    <message>
        <source>Decision mix</source>
        <translation>Répartition des décisions</translation>
    </message>
    <message>
        <source>Predicted class (stored cases)</source>
        <translation>Classe prédite (cas enregistrés)</translation>
    </message>
    <message>
        <source>Top probability per predicted class</source>
        <translation>Probabilité la plus haute par classe prédite</translation>
    </message>
    <message>
        <source>Hour (station time)</source>
        <translation>Heure (heure du poste)</translation>
    </message>
    <message>
        <source>Flagged cases</source>
        <translation>Cas signalés</translation>
    </message>
    <message>
        <source>Day (station time)</source>
        <translation>Jour (heure du poste)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Classe prédite</translation>
    </message>
    <message>
        <source>Top probability</source>
        <translation>Probabilité la plus haute</translation>
    </message>
    <message>
        <source>On confirmed cases: PPV and mpox recall of flags, per week</source>
        <translation>Sur les cas confirmés : VPP et sensibilité mpox des signalements, par semaine</translation>
    </message>
    <message>
        <source>Week (station time)</source>
        <translation>Semaine (heure du poste)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>On confirmed cases: no confirmed labels recorded yet.</source>
        <translation>Sur les cas confirmés : aucun diagnostic confirmé enregistré pour l&apos;instant.</translation>
    </message>
    <message>
        <source>PPV</source>
        <translation>VPP</translation>
    </message>
    <message>
        <source>mpox recall</source>
        <translation>sensibilité mpox</translation>
    </message>
    <message>
        <source>On {n} confirmed cases: PPV of flags {ppv} ({both} mpox of {flagged} flagged), mpox recall {recall} ({both} flagged of {mpox} mpox; logged cases only).</source>
        <translation>Sur {n} cas confirmés : VPP des signalements {ppv} ({both} mpox sur {flagged} signalés), sensibilité mpox {recall} ({both} signalés sur {mpox} mpox ; cas enregistrés uniquement).</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: no PCR outcomes recorded yet.</source>
        <translation>Valeur prédictive positive des alertes : aucun résultat PCR enregistré pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: {ppv} ({positive} PCR positive of {flagged} flagged cases with an outcome).</source>
        <translation>Valeur prédictive positive des alertes : {ppv} ({positive} PCR positives sur {flagged} cas signalés avec un résultat).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write the export {path}: {error}; choose another folder</source>
        <translation>impossible d&apos;écrire l&apos;export {path} : {error} ; choisissez un autre dossier</translation>
    </message>
    <message>
        <source>open-set score {score}</source>
        <translation>score open-set {score}</translation>
    </message>
    <message>
        <source>Images purged {date} (retention)</source>
        <translation>Images supprimées le {date} (conservation)</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>pourquoi : {reason}</translation>
    </message>
    <message>
        <source>Predicted {cls} {p}</source>
        <translation>Prédiction {cls} {p}</translation>
    </message>
    <message>
        <source>Review: {status}</source>
        <translation>Relecture : {status}</translation>
    </message>
    <message>
        <source>Confirmed: {label}</source>
        <translation>Confirmé : {label}</translation>
    </message>
    <message>
        <source>Case {case_id} · {time} · station {station} · operator {operator} · traveller ref. {ref}</source>
        <translation>Cas {case_id} · {time} · poste {station} · opérateur {operator} · réf. voyageur {ref}</translation>
    </message>
    <message>
        <source>Model {name} ({sha})</source>
        <translation>Modèle {name} ({sha})</translation>
    </message>
    <message>
        <source>Thresholds: {lines}</source>
        <translation>Seuils : {lines}</translation>
    </message>
    <message>
        <source>Picture quality: {lines}</source>
        <translation>Qualité de l&apos;image : {lines}</translation>
    </message>
    <message>
        <source>Mpox screening: case report</source>
        <translation>Dépistage mpox : rapport de cas</translation>
    </message>
    <message>
        <source>{n} case(s), exported {time} (station time) by {user}. A screening aid, not a diagnosis.</source>
        <translation>{n} cas, exportés le {time} (heure du poste) par {user}. Une aide au dépistage, pas un diagnostic.</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>pas relu</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>Cas {case_id}</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Historique :</translation>
    </message>
    <message>
        <source>cannot write the PDF report {path}; check the folder is writable</source>
        <translation>impossible d&apos;écrire le rapport PDF {path} ; vérifiez que le dossier est accessible en écriture</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>page {page} sur {pages}</translation>
    </message>
    <message>
        <source>Mpox screening case report · exported {time} by {user} · confidential</source>
        <translation>Rapport de cas du dépistage mpox · exporté le {time} par {user} · confidentiel</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>The case database is busy (locked by another program): wait a moment and try again.</source>
        <translation>La base des cas est occupée (verrouillée par un autre programme) : patientez un instant et réessayez.</translation>
    </message>
    <message>
        <source>The case database cannot be reached: try again in a moment, or call your administrator.</source>
        <translation>La base des cas est injoignable : réessayez dans un instant, ou appelez votre administrateur.</translation>
    </message>
    <message>
        <source>The case database cannot write (disk full or read-only): call your administrator.</source>
        <translation>La base des cas ne peut pas écrire (disque plein ou en lecture seule) : appelez votre administrateur.</translation>
    </message>
    <message>
        <source>The case database refused the request: try again, or call your administrator.</source>
        <translation>La base des cas a refusé la demande : réessayez, ou appelez votre administrateur.</translation>
    </message>
    <message>
        <source>The station refused this. Call your administrator if it persists.</source>
        <translation>Le poste a refusé cette opération. Appelez votre administrateur si cela persiste.</translation>
    </message>
    <message>
        <source>The user name must be 1 to 64 characters long.</source>
        <translation>Le nom d&apos;utilisateur doit compter de 1 à 64 caractères.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {n} characters.</source>
        <translation>Le mot de passe est trop court : utilisez au moins {n} caractères.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>Le mot de passe ne doit pas être le nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Répéter le mot de passe</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Créer le compte administrateur</translation>
    </message>
    <message>
        <source>First start: there are no accounts yet. Create the administrator account (password of at least {n} characters; there is no default password).</source>
        <translation>Premier démarrage : il n&apos;existe encore aucun compte. Créez le compte administrateur (mot de passe d&apos;au moins {n} caractères ; il n&apos;y a pas de mot de passe par défaut).</translation>
    </message>
    <message>
        <source>The two passwords differ: type the password twice the same way.</source>
        <translation>Les deux mots de passe diffèrent : tapez deux fois le même mot de passe.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Log in to the screening station.</source>
        <translation>Connectez-vous au poste de dépistage.</translation>
    </message>
    <message>
        <source>Type your user name first.</source>
        <translation>Tapez d&apos;abord votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>wrong user name or password, or the account is locked after repeated failed log-ins: try again later or ask an admin</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect, ou compte verrouillé après des échecs de connexion répétés : réessayez plus tard ou demandez à un administrateur</translation>
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
    <message>
        <source>the model gave no usable result for this picture; a person must screen the traveller</source>
        <translation>le modèle n&apos;a donné aucun résultat utilisable pour cette image ; une personne doit examiner le voyageur</translation>
    </message>
</context>
<context>
    <name>ReferralSlip</name>
    <message>
        <source>Referral to secondary screening</source>
        <translation>Orientation vers le contrôle sanitaire secondaire</translation>
    </message>
    <message>
        <source>Secondary-screening desk: examine the affected skin; the clinician decides. This result is a screening aid, not a diagnosis.</source>
        <translation>Poste de contrôle secondaire : examiner la peau atteinte ; le clinicien décide. Ce résultat est une aide au dépistage, pas un diagnostic.</translation>
    </message>
    <message>
        <source>The case id above (also in the QR code) is this case&apos;s name in the station&apos;s case log and in the review window&apos;s case details: quote it when you report the outcome.</source>
        <translation>Le n° de cas ci-dessus (aussi dans le code QR) est le nom de ce cas dans le journal des cas du poste et dans le détail du cas de la fenêtre de relecture : citez-le en communiquant le résultat.</translation>
    </message>
    <message>
        <source>This slip holds health information about the traveller: keep it with their file, never in public view, and shred it when it is no longer needed.</source>
        <translation>Ce bordereau contient des informations de santé sur le voyageur : gardez-le avec son dossier, jamais à la vue du public, et détruisez-le quand il n&apos;est plus nécessaire.</translation>
    </message>
    <message>
        <source>Take the traveller, with this slip, to the secondary-screening desk. Follow the site&apos;s infection-control procedure for a suspected infectious rash.</source>
        <translation>Conduisez le voyageur, avec ce bordereau, au poste de contrôle secondaire. Suivez la procédure de prévention des infections du site pour une éruption infectieuse suspectée.</translation>
    </message>
    <message>
        <source>{action}; give this slip to the clinician who sees the traveller.</source>
        <translation>{action} ; remettez ce bordereau au clinicien qui voit le voyageur.</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>Poste de dépistage mpox</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>N° de cas</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>QR code: case id</source>
        <translation>Code QR : n° de cas</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Top 3 classes (model probability)</source>
        <translation>3 classes les plus probables (probabilité du modèle)</translation>
    </message>
    <message>
        <source>None: the rash does not look like any condition the model knows.</source>
        <translation>Aucune : l&apos;éruption ne ressemble à aucune affection connue du modèle.</translation>
    </message>
    <message>
        <source>Screened picture</source>
        <translation>Image examinée</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls}</source>
        <translation>Carte de chaleur : où le modèle a cherché {cls}</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>The referral slip could not be saved in {folder} ({why}). Ask the station&apos;s administrator to make that folder writable, or to set [referral] folder in the configuration; until then, write case id {case_id} on a paper slip for the desk</source>
        <translation>Le bordereau d&apos;orientation n&apos;a pas pu être enregistré dans {folder} ({why}). Demandez à l&apos;administrateur du poste de rendre ce dossier accessible en écriture, ou de régler [referral] folder dans la configuration ; en attendant, écrivez le n° de cas {case_id} sur un bordereau papier pour le poste de contrôle</translation>
    </message>
    <message>
        <source>{title}: case {case_id}</source>
        <translation>{title} : cas {case_id}</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>le fichier n&apos;a pas pu être écrit</translation>
    </message>
    <message>
        <source>writing the file failed; the disk may be full</source>
        <translation>l&apos;écriture du fichier a échoué ; le disque est peut-être plein</translation>
    </message>
    <message>
        <source>printer {printer} was not found; check [referral] printer in the configuration (the system&apos;s printers: lpstat -p), or print the saved PDF</source>
        <translation>imprimante {printer} introuvable ; vérifiez [referral] printer dans la configuration (les imprimantes du système : lpstat -p), ou imprimez le PDF enregistré</translation>
    </message>
    <message>
        <source>printer {printer} did not accept the slip; print the saved PDF</source>
        <translation>l&apos;imprimante {printer} n&apos;a pas accepté le bordereau ; imprimez le PDF enregistré</translation>
    </message>
    <message>
        <source>Referral slip saved: {path}</source>
        <translation>Bordereau d&apos;orientation enregistré : {path}</translation>
    </message>
    <message>
        <source>sent to printer {printer}</source>
        <translation>envoyé à l&apos;imprimante {printer}</translation>
    </message>
    <message>
        <source>not printed: {error}</source>
        <translation>non imprimé : {error}</translation>
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <source>This case is no longer in the case database (an admin deleted it). Refresh the list (F5).</source>
        <translation>Ce cas n&apos;est plus dans la base des cas (un administrateur l&apos;a supprimé). Actualisez la liste (F5).</translation>
    </message>
    <message>
        <source>Your account may not do this. Log in with an account that may (a reviewer, or an admin), or ask an admin.</source>
        <translation>Votre compte ne permet pas cette opération. Connectez-vous avec un compte qui la permet (relecteur ou administrateur), ou demandez à un administrateur.</translation>
    </message>
    <message>
        <source>The picture&apos;s file is missing (removed after its retention period, or deleted).</source>
        <translation>Le fichier de l&apos;image est absent (supprimé à la fin de sa durée de conservation, ou effacé).</translation>
    </message>
    <message>
        <source>The picture cannot be shown: its file is damaged or was altered. Call your administrator.</source>
        <translation>L&apos;image ne peut pas être affichée : son fichier est endommagé ou a été modifié. Appelez votre administrateur.</translation>
    </message>
    <message>
        <source>The pictures cannot be shown: the station&apos;s key file is unusable. Call your administrator.</source>
        <translation>Les images ne peuvent pas être affichées : le fichier de clé du poste est inutilisable. Appelez votre administrateur.</translation>
    </message>
    <message>
        <source>The case database could not do this. Try again; if it keeps failing, call your administrator.</source>
        <translation>La base des cas n&apos;a pas pu effectuer cette opération. Réessayez ; si l&apos;échec persiste, appelez votre administrateur.</translation>
    </message>
</context>
<context>
    <name>ReviewRules</name>
    <message>
        <source>The note is {length} characters long; keep it under {most}.</source>
        <translation>La note compte {length} caractères ; restez en dessous de {most}.</translation>
    </message>
    <message>
        <source>This case has a PCR outcome ({outcome}): its review status can no longer be changed (it stays {status}).</source>
        <translation>Ce cas a un résultat PCR ({outcome}) : son statut de relecture ne peut plus être modifié (il reste « {status} »).</translation>
    </message>
    <message>
        <source>This case is already {status}.</source>
        <translation>Ce cas est déjà au statut « {status} ».</translation>
    </message>
    <message>
        <source>A {status} case cannot be changed with &apos;{action}&apos;.</source>
        <translation>Un cas au statut « {status} » ne peut pas être modifié par « {action} ».</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note saying why.</source>
        <translation>Écarter un cas confirmé demande une note expliquant pourquoi.</translation>
    </message>
    <message>
        <source>Reopening a {status} case needs a note saying why.</source>
        <translation>Rouvrir un cas au statut « {status} » demande une note expliquant pourquoi.</translation>
    </message>
    <message>
        <source>This case was dismissed: reopen it (confirm or refer it, with a note) before recording a PCR outcome.</source>
        <translation>Ce cas a été écarté : rouvrez-le (confirmez-le ou transmettez-le, avec une note) avant d&apos;enregistrer un résultat PCR.</translation>
    </message>
    <message>
        <source>A PCR outcome is recorded on a confirmed or referred case only; this case is {status}: confirm or refer it first.</source>
        <translation>Un résultat PCR ne s&apos;enregistre que sur un cas confirmé ou transmis ; ce cas est au statut « {status} » : confirmez-le ou transmettez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>This case already has this PCR outcome ({outcome}).</source>
        <translation>Ce cas a déjà ce résultat PCR ({outcome}).</translation>
    </message>
    <message>
        <source>This case already has a PCR outcome ({outcome}): changing it needs a note saying why (e.g. the laboratory corrected its result).</source>
        <translation>Ce cas a déjà un résultat PCR ({outcome}) : le modifier demande une note expliquant pourquoi (par ex. le laboratoire a corrigé son résultat).</translation>
    </message>
    <message>
        <source>Write which condition it turned out to be (e.g. scabies).</source>
        <translation>Écrivez de quelle affection il s&apos;agissait (p. ex. gale).</translation>
    </message>
    <message>
        <source>The condition&apos;s name is {length} characters long; keep it under {most}.</source>
        <translation>Le nom de l&apos;affection fait {length} caractères ; restez sous {most}.</translation>
    </message>
    <message>
        <source>This case already has this confirmed label.</source>
        <translation>Ce cas a déjà ce diagnostic confirmé.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: changing it needs a note saying why.</source>
        <translation>Ce cas a déjà un diagnostic confirmé : le changer demande une note qui dit pourquoi.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Reviewing cases needs a reviewer or admin login.</source>
        <translation>La relecture des cas demande une connexion de relecteur ou d&apos;administrateur.</translation>
    </message>
    <message>
        <source>Case review · {user} ({role})</source>
        <translation>Relecture des cas · {user} ({role})</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>Toutes les décisions</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Toutes les classes</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>Tous les postes</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>Tout statut de relecture</translation>
    </message>
    <message>
        <source>Search traveller ref. or case id</source>
        <translation>Chercher une réf. voyageur ou un n° de cas</translation>
    </message>
    <message>
        <source>A whole traveller reference (any case or spacing), or the start of a case id (as on the referral slip); Enter</source>
        <translation>Une référence voyageur entière (majuscules et espaces indifférents), ou le début d&apos;un n° de cas (comme sur la fiche d&apos;orientation) ; Entrée</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Cas</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Ouvrir le cas</translation>
    </message>
    <message>
        <source>Export selected to &amp;CSV…</source>
        <translation>Exporter la sélection en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export selected to &amp;PDF…</source>
        <translation>Exporter la sélection en &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Verify audit trail</source>
        <translation>&amp;Vérifier la piste d&apos;audit</translation>
    </message>
    <message>
        <source>&amp;Log off</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Reading the cases from the database…</source>
        <translation>Lecture des cas dans la base de données…</translation>
    </message>
    <message>
        <source>{total} case(s) match · {loaded} loaded</source>
        <translation>{total} cas correspondants · {loaded} chargés</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Export the selected cases to folder</source>
        <translation>Exporter les cas sélectionnés vers le dossier</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Select the cases to export first (Ctrl+A selects all loaded).</source>
        <translation>Sélectionnez d&apos;abord les cas à exporter (Ctrl+A sélectionne tous ceux chargés).</translation>
    </message>
    <message>
        <source>Exported {n} case(s) to {path} (readable by you only)</source>
        <translation>{n} cas exportés vers {path} (lisible par vous seul)</translation>
    </message>
    <message>
        <source>Audit trail intact: {entries} entries.</source>
        <translation>Piste d&apos;audit intacte : {entries} entrées.</translation>
    </message>
    <message>
        <source>Audit trail TAMPERED:</source>
        <translation>Piste d&apos;audit ALTÉRÉE :</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Piste d&apos;audit</translation>
    </message>
    <message>
        <source>Case review</source>
        <translation>Relecture des cas</translation>
    </message>
    <message>
        <source>You are logged in as {user} ({role}).</source>
        <translation>Vous êtes connecté en tant que {user} ({role}).</translation>
    </message>
    <message>
        <source>Nobody is logged in.</source>
        <translation>Personne n&apos;est connecté.</translation>
    </message>
    <message>
        <source>Log off and log in with a reviewer or admin account, or ask an admin.</source>
        <translation>Déconnectez-vous et reconnectez-vous avec un compte de relecteur ou d&apos;administrateur, ou demandez à un administrateur.</translation>
    </message>
    <message>
        <source>The refusal could not be written to the audit trail.</source>
        <translation>Le refus n&apos;a pas pu être écrit dans la piste d&apos;audit.</translation>
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
        <source>Screening is unavailable: the model could not be loaded. Call your administrator.</source>
        <translation>Le dépistage est indisponible : le modèle n&apos;a pas pu être chargé. Appelez votre administrateur.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>non démarrée</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>non configurée</translation>
    </message>
    <message>
        <source>unavailable: cases are NOT saved. Call your administrator</source>
        <translation>indisponible : les cas ne sont PAS enregistrés. Appelez votre administrateur</translation>
    </message>
    <message>
        <source>The camera delivers no picture.</source>
        <translation>La caméra ne fournit aucune image.</translation>
    </message>
    <message>
        <source>Picture may improve the model  [T]</source>
        <translation>Image pour le modèle  [T]</translation>
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
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it only a FLAG is saved, without picture or reference. It resets for the next traveller.</source>
        <translation>Appuyez lorsque le voyageur a lu l&apos;avis de confidentialité et l&apos;accepte [C]. Sans cela, seule une ALERTE est enregistrée, sans image ni référence. Remis à zéro pour le voyageur suivant.</translation>
    </message>
    <message>
        <source>Ask the traveller whether their picture may be kept to improve the screening model; press only if they say yes [T]. It resets for the next traveller.</source>
        <translation>Demandez au voyageur si son image peut être conservée pour améliorer le modèle de dépistage ; n&apos;appuyez que s&apos;il dit oui [T]. Remis à zéro pour le voyageur suivant.</translation>
    </message>
    <message>
        <source>The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>L&apos;image en direct fonctionne toujours ; le dépistage démarrera une fois un modèle configuré et le poste redémarré.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it only a FLAG is saved, without picture or reference.</source>
        <translation>Présentez l&apos;avis de confidentialité au voyageur et appuyez sur [C] s&apos;il l&apos;accepte ; sans cela, seule une ALERTE est enregistrée, sans image ni référence.</translation>
    </message>
    <message>
        <source> Case saved without picture or reference: the traveller did not agree to the notice.</source>
        <translation> Cas enregistré sans image ni référence : le voyageur n&apos;a pas accepté l&apos;avis.</translation>
    </message>
    <message>
        <source> The case was NOT saved: call your administrator if it persists.</source>
        <translation> Le cas n&apos;a PAS été enregistré : appelez votre administrateur si cela persiste.</translation>
    </message>
    <message>
        <source> The database refused this case: it is set aside on this station; call your admin.</source>
        <translation> La base de données a refusé ce cas : il est mis de côté sur ce poste ; appelez votre administrateur.</translation>
    </message>
    <message>
        <source> Case kept on this station: it goes into the database as soon as the database answers.</source>
        <translation> Cas conservé sur ce poste : il sera enregistré dans la base de données dès qu&apos;elle répondra.</translation>
    </message>
    <message>
        <source>Screening this picture failed. Try again; if it persists, restart the station.</source>
        <translation>Le dépistage de cette image a échoué. Réessayez ; si cela persiste, redémarrez le poste.</translation>
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
        <source>The screening model was changed or damaged: call your administrator.</source>
        <translation>Le modèle de dépistage a été modifié ou endommagé : appelez votre administrateur.</translation>
    </message>
    <message>
        <source>Screening is out of service: the model keeps failing. Screen travellers by hand and call your administrator.</source>
        <translation>Le dépistage est hors service : le modèle échoue à répétition. Examinez les voyageurs à la main et appelez votre administrateur.</translation>
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
        <source> Saving the case on this station…</source>
        <translation> Enregistrement du cas sur ce poste…</translation>
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
        <source>Camera {fps:.1f} fps · shown {shown:.1f}</source>
        <translation>Caméra {fps:.1f} i/s · affichées {shown:.1f}</translation>
    </message>
    <message>
        <source>Camera none</source>
        <translation>Caméra : aucune</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Mpox screening station: cannot start</source>
        <translation>Poste de dépistage mpox : démarrage impossible</translation>
    </message>
    <message>
        <source>The station cannot start. Call your administrator.</source>
        <translation>Le poste ne peut pas démarrer. Appelez votre administrateur.</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <source>flag rate outside its usual range</source>
        <translation>taux de signalement hors de sa plage habituelle</translation>
    </message>
    <message>
        <source>flag rate unlike the other stations</source>
        <translation>taux de signalement différent des autres postes</translation>
    </message>
    <message>
        <source>runs a model the other stations do not</source>
        <translation>utilise un modèle que les autres postes n&apos;ont pas</translation>
    </message>
    <message>
        <source>camera starting</source>
        <translation>caméra en démarrage</translation>
    </message>
    <message>
        <source>camera live</source>
        <translation>caméra active</translation>
    </message>
    <message>
        <source>camera lost</source>
        <translation>caméra perdue</translation>
    </message>
    <message>
        <source>camera stopped</source>
        <translation>caméra arrêtée</translation>
    </message>
    <message>
        <source>station closed</source>
        <translation>poste fermé</translation>
    </message>
    <message>
        <source>model unavailable</source>
        <translation>modèle indisponible</translation>
    </message>
    <message>
        <source>{rate} ({flags} of {screened})</source>
        <translation>{rate} ({flags} sur {screened})</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Look at it because</source>
        <translation>À examiner car</translation>
    </message>
    <message>
        <source>Flag rate, 24 h</source>
        <translation>Taux de signalement, 24 h</translation>
    </message>
    <message>
        <source>Its past 14 days</source>
        <translation>Ses 14 derniers jours</translation>
    </message>
    <message>
        <source>All stations (median)</source>
        <translation>Tous les postes (médiane)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Logiciel</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>Daily flag rate per station</source>
        <translation>Taux de signalement quotidien par poste</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Jour (UTC)</translation>
    </message>
    <message>
        <source>Flagged share of screenings</source>
        <translation>Part des dépistages signalés</translation>
    </message>
    <message>
        <source>up</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>not up</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>never (no heartbeat)</source>
        <translation>jamais (aucun signal)</translation>
    </message>
    <message>
        <source>{up} of {n} stations up; {marked} to look at.</source>
        <translation>{up} postes sur {n} en service ; {marked} à examiner.</translation>
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
