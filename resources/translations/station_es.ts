<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AdminTabs</name>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bloqueado hasta</translation>
    </message>
    <message>
        <source>Failed log-ins</source>
        <translation>Inicios fallidos</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Cambiar el rol…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Every change is checked by the store and written to the audit log.</source>
        <translation>Cada cambio lo comprueba el almacén y se anota en el registro de auditoría.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Cambiar el rol</translation>
    </message>
    <message>
        <source>New role for {user}:</source>
        <translation>Nuevo rol para {user}:</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>What it concerns (a user, a case id)</source>
        <translation>A qué se refiere (un usuario, un id de caso)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Se refiere a</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>{n} newest entries; `mpox-kiosk verify-audit` checks the whole chain.</source>
        <translation>Las {n} entradas más recientes; `mpox-kiosk verify-audit` comprueba toda la cadena.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>FLAG · suspected {cls}</source>
        <translation>ALERTA · sospecha de {cls}</translation>
    </message>
    <message>
        <source>REVIEW · manual review needed</source>
        <translation>REVISAR · se requiere revisión manual</translation>
    </message>
    <message>
        <source>CLEAR · {cls}</source>
        <translation>SIN ALERTA · {cls}</translation>
    </message>
    <message>
        <source>RETAKE · image not usable</source>
        <translation>REPETIR · imagen no utilizable</translation>
    </message>
    <message>
        <source>Ready · press Capture</source>
        <translation>Listo · pulse Capturar</translation>
    </message>
    <message>
        <source>SCREENING UNAVAILABLE</source>
        <translation>CRIBADO NO DISPONIBLE</translation>
    </message>
    <message>
        <source>LOGGED OFF · log in to screen</source>
        <translation>SESIÓN CERRADA · inicie sesión para cribar</translation>
    </message>
    <message>
        <source>RETAKE · not a skin close-up</source>
        <translation>REPETIR · no es un primer plano de la piel</translation>
    </message>
    <message>
        <source>REVIEW · condition not recognised</source>
        <translation>REVISAR · afección no reconocida</translation>
    </message>
    <message>
        <source>REVIEW · the model failed</source>
        <translation>REVISIÓN · el modelo falló</translation>
    </message>
    <message>
        <source>Screen this traveller by hand</source>
        <translation>Examine a este viajero a mano</translation>
    </message>
    <message>
        <source>Send to secondary screening</source>
        <translation>Enviar al control sanitario secundario</translation>
    </message>
    <message>
        <source>Hold the traveller and ask the duty clinician</source>
        <translation>Retener al viajero y avisar al clínico de guardia</translation>
    </message>
    <message>
        <source>Let the traveller pass</source>
        <translation>Dejar pasar al viajero</translation>
    </message>
    <message>
        <source>Take the picture again</source>
        <translation>Tomar la foto de nuevo</translation>
    </message>
    <message>
        <source>Hold the camera steady, closer, in good light</source>
        <translation>Sujetar la cámara firme, más cerca, con buena luz</translation>
    </message>
    <message>
        <source>Point the camera at the affected skin</source>
        <translation>Apuntar la cámara a la piel afectada</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>The camera cannot be opened: check that it is plugged in and not used by another program, or choose another camera.</source>
        <translation>No se puede abrir la cámara: compruebe que está conectada y que ningún otro programa la está usando, o elija otra cámara.</translation>
    </message>
    <message>
        <source>The configured picture source cannot be opened: choose a camera, or call your administrator.</source>
        <translation>No se puede abrir la fuente de imágenes configurada: elija una cámara o llame a su administrador.</translation>
    </message>
    <message>
        <source>The camera could not be started: choose another camera, or call your administrator.</source>
        <translation>No se pudo iniciar la cámara: elija otra cámara o llame a su administrador.</translation>
    </message>
    <message>
        <source>No new picture for {seconds:.1f} s: the camera may be unplugged, used by another program or frozen.</source>
        <translation>Ninguna imagen nueva desde hace {seconds:.1f} s: puede que la cámara esté desconectada, la esté usando otro programa o se haya bloqueado.</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures (reading failed).</source>
        <translation>La cámara dejó de enviar imágenes (error de lectura).</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures.</source>
        <translation>La cámara dejó de enviar imágenes.</translation>
    </message>
    <message>
        <source>The camera delivers pictures of the wrong size or format: choose another camera.</source>
        <translation>La cámara envía imágenes con un tamaño o formato incorrectos: elija otra cámara.</translation>
    </message>
    <message>
        <source>Picture skipped because it could not be read: {file}</source>
        <translation>Imagen omitida porque no se pudo leer: {file}</translation>
    </message>
    <message>
        <source>Trying again in {seconds:.0f} s.</source>
        <translation>Nuevo intento en {seconds:.0f} s.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>no encontrada</translation>
    </message>
    <message>
        <source>not a source</source>
        <translation>no es una fuente</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Confirm case?</source>
        <translation>¿Confirmar el caso?</translation>
    </message>
    <message>
        <source>confirm it (send the traveller to secondary screening / PCR)</source>
        <translation>confirmarlo (enviar al viajero al control secundario / PCR)</translation>
    </message>
    <message>
        <source>Dismiss case?</source>
        <translation>¿Descartar el caso?</translation>
    </message>
    <message>
        <source>dismiss it as a false alarm</source>
        <translation>descartarlo como falsa alarma</translation>
    </message>
    <message>
        <source>Refer case?</source>
        <translation>¿Derivar el caso?</translation>
    </message>
    <message>
        <source>refer it to another reviewer or service</source>
        <translation>derivarlo a otro revisor o servicio</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>Caso {case_id}</translation>
    </message>
    <message>
        <source>image purged (retention) or unavailable</source>
        <translation>imagen eliminada (conservación) o no disponible</translation>
    </message>
    <message>
        <source>no heatmap</source>
        <translation>sin mapa de calor</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidad</translation>
    </message>
    <message>
        <source>Note (what was done, why)</source>
        <translation>Nota (qué se hizo, por qué)</translation>
    </message>
    <message>
        <source>Turned out to be: choose…</source>
        <translation>Resultó ser: elegir…</translation>
    </message>
    <message>
        <source>Which condition (e.g. scabies)</source>
        <translation>Qué afección (p. ej., sarna)</translation>
    </message>
    <message>
        <source>&amp;Confirm (send to PCR)</source>
        <translation>&amp;Confirmar (enviar a PCR)</translation>
    </message>
    <message>
        <source>&amp;Dismiss (false alarm)</source>
        <translation>&amp;Descartar (falsa alarma)</translation>
    </message>
    <message>
        <source>&amp;Refer</source>
        <translation>De&amp;rivar</translation>
    </message>
    <message>
        <source>Record &amp;label</source>
        <translation>Registrar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>PCR result: choose…</source>
        <translation>Resultado de PCR: elegir…</translation>
    </message>
    <message>
        <source>Record &amp;outcome</source>
        <translation>Registrar el res&amp;ultado</translation>
    </message>
    <message>
        <source>History: {lines}</source>
        <translation>Historial: {lines}</translation>
    </message>
    <message>
        <source>not reviewed yet</source>
        <translation>aún no revisado</translation>
    </message>
    <message>
        <source>Choose the PCR result first (positive or negative).</source>
        <translation>Elija primero el resultado de PCR (positivo o negativo).</translation>
    </message>
    <message>
        <source>Record outcome?</source>
        <translation>¿Registrar el resultado?</translation>
    </message>
    <message>
        <source>record the outcome {outcome}</source>
        <translation>registrar el resultado {outcome}</translation>
    </message>
    <message>
        <source>Choose what the case turned out to be first.</source>
        <translation>Elija primero qué resultó ser el caso.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: write why it changes in the note box, then press Record label again.</source>
        <translation>Este caso ya tiene un diagnóstico confirmado: escriba en la nota por qué cambia y pulse de nuevo Registrar diagnóstico.</translation>
    </message>
    <message>
        <source>Record confirmed label?</source>
        <translation>¿Registrar el diagnóstico confirmado?</translation>
    </message>
    <message>
        <source>record that it turned out to be: {label}</source>
        <translation>registrar que resultó ser: {label}</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note: write why in the note box, then press Dismiss again.</source>
        <translation>Descartar un caso confirmado requiere una nota: escriba el motivo en el cuadro de nota y pulse Descartar de nuevo.</translation>
    </message>
    <message>
        <source>This change to a case with the status {status} needs a note: write why in the note box, then try again.</source>
        <translation>Este cambio en un caso con el estado {status} requiere una nota: escriba el motivo en el cuadro de nota y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Case {case_id} ({decision}, {cls}, now {status}): {what}?</source>
        <translation>Caso {case_id} ({decision}, {cls}, ahora {status}): ¿{what}?</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
    <message>
        <source>No note.</source>
        <translation>Sin nota.</translation>
    </message>
    <message>
        <source>This is recorded with your name in the audit trail.</source>
        <translation>Esto queda registrado con su nombre en el registro de auditoría.</translation>
    </message>
    <message>
        <source>The change could not be saved: the case database did not accept it ({error}). Try again; if it keeps failing, call your administrator.</source>
        <translation>No se pudo guardar el cambio: la base de datos de casos no lo aceptó ({error}). Vuelva a intentarlo; si sigue fallando, llame a su administrador.</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Predicción</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidad</translation>
    </message>
    <message>
        <source>p(mpox)</source>
        <translation>p(mpox)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Id. del caso</translation>
    </message>
    <message>
        <source>Traveller ref.</source>
        <translation>Ref. viajero</translation>
    </message>
    <message>
        <source>images purged</source>
        <translation>imágenes eliminadas</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>sin imagen</translation>
    </message>
    <message>
        <source>The model&apos;s probability of mpox: a case is flagged when it reaches the flag threshold</source>
        <translation>Probabilidad de mpox según el modelo: un caso se señala cuando alcanza el umbral de alerta</translation>
    </message>
</context>
<context>
    <name>CaseWording</name>
    <message>
        <source>PCR positive</source>
        <translation>PCR positiva</translation>
    </message>
    <message>
        <source>PCR negative</source>
        <translation>PCR negativa</translation>
    </message>
    <message>
        <source>PCR not done</source>
        <translation>PCR no realizada</translation>
    </message>
    <message>
        <source>another condition</source>
        <translation>otra afección</translation>
    </message>
    <message>
        <source>not skin</source>
        <translation>no es piel</translation>
    </message>
    <message>
        <source>unknown (no diagnosis)</source>
        <translation>desconocido (sin diagnóstico)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Descartado</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Derivado</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmó</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>descartó</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>derivó</translation>
    </message>
    <message>
        <source>recorded the outcome</source>
        <translation>registró el resultado</translation>
    </message>
    <message>
        <source>recorded the confirmed label</source>
        <translation>registró el diagnóstico confirmado</translation>
    </message>
    <message>
        <source>FLAG</source>
        <translation>ALERTA</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>REVISAR</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>SIN ALERTA</translation>
    </message>
    <message>
        <source>RETAKE</source>
        <translation>REPETIR</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>agente</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>revisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>a flagged class reached the flag threshold</source>
        <translation>una clase señalada alcanzó el umbral de alerta</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>confianza baja</translation>
    </message>
    <message>
        <source>condition not recognised</source>
        <translation>afección no reconocida</translation>
    </message>
    <message>
        <source>not a skin close-up</source>
        <translation>no es un primer plano de la piel</translation>
    </message>
    <message>
        <source>doubtful picture</source>
        <translation>imagen dudosa</translation>
    </message>
    <message>
        <source>confident result</source>
        <translation>resultado fiable</translation>
    </message>
    <message>
        <source>the model failed</source>
        <translation>el modelo falló</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Nitidez</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Brillo</translation>
    </message>
    <message>
        <source>Burnt-out pixels</source>
        <translation>Píxeles saturados</translation>
    </message>
    <message>
        <source>Skin in view</source>
        <translation>Piel visible</translation>
    </message>
    <message>
        <source>{value} of 255</source>
        <translation>{value} de 255</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>French</source>
        <translation>francés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugués</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>árabe</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>chino simplificado</translation>
    </message>
    <message>
        <source>The picture may be used to improve the model (traveller agreed).</source>
        <translation>La imagen puede usarse para mejorar el modelo (el viajero aceptó).</translation>
    </message>
    <message>
        <source>The picture may NOT be used to improve the model.</source>
        <translation>La imagen NO puede usarse para mejorar el modelo.</translation>
    </message>
    <message>
        <source>Notice: not recorded (the station did not ask for the traveller&apos;s agreement)</source>
        <translation>Aviso: no registrado (el puesto no pidió el consentimiento del viajero)</translation>
    </message>
    <message>
        <source>shown for information (public-health basis)</source>
        <translation>mostrado a título informativo (base de salud pública)</translation>
    </message>
    <message>
        <source>traveller agreed</source>
        <translation>el viajero aceptó</translation>
    </message>
    <message>
        <source>traveller did not agree</source>
        <translation>el viajero no aceptó</translation>
    </message>
    <message>
        <source>language not recorded</source>
        <translation>idioma no registrado</translation>
    </message>
    <message>
        <source>Notice: version {version} ({language}), {answer}</source>
        <translation>Aviso: versión {version} ({language}), {answer}</translation>
    </message>
    <message>
        <source>Flag threshold ({classes})</source>
        <translation>Umbral de alerta ({classes})</translation>
    </message>
    <message>
        <source>Review threshold (top probability)</source>
        <translation>Umbral de revisión (probabilidad más alta)</translation>
    </message>
    <message>
        <source>Condition-not-recognised threshold (open-set score)</source>
        <translation>Umbral de afección no reconocida (puntuación open-set)</translation>
    </message>
    <message>
        <source>Not-skin threshold (open-set score)</source>
        <translation>Umbral de no piel (puntuación open-set)</translation>
    </message>
</context>
<context>
    <name>CaseWriter</name>
    <message>
        <source>Database busy: cases are kept on this computer and saved when it frees ({n} waiting)</source>
        <translation>Base de datos ocupada: los casos se guardan en este ordenador y se registran cuando se libere ({n} en espera)</translation>
    </message>
    <message>
        <source>Database unreachable: cases are kept on this computer and saved when it is back ({n} waiting)</source>
        <translation>Base de datos inaccesible: los casos se guardan en este ordenador y se registran cuando vuelva ({n} en espera)</translation>
    </message>
    <message>
        <source>Database cannot write (disk full or read-only): cases are kept on this computer ({n} waiting)</source>
        <translation>La base de datos no puede escribir (disco lleno o de solo lectura): los casos se guardan en este ordenador ({n} en espera)</translation>
    </message>
    <message>
        <source>A case could not be saved to the database and was set aside on this computer: call your administrator ({n} waiting)</source>
        <translation>Un caso no pudo guardarse en la base de datos y se apartó en este ordenador: llame a su administrador ({n} en espera)</translation>
    </message>
    <message>
        <source>Database error: cases are kept on this computer ({n} waiting); see the log</source>
        <translation>Error de la base de datos: los casos se guardan en este ordenador ({n} en espera); consulte el registro</translation>
    </message>
    <message>
        <source>Database OK: {written} saved, {n} waiting</source>
        <translation>Base de datos OK: {written} guardados, {n} en espera</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>Mpox (monkeypox)</source>
        <translation>Mpox (viruela símica)</translation>
    </message>
    <message>
        <source>Mpox</source>
        <translation>Mpox</translation>
    </message>
    <message>
        <source>Chickenpox</source>
        <translation>Varicela</translation>
    </message>
    <message>
        <source>Measles</source>
        <translation>Sarampión</translation>
    </message>
    <message>
        <source>Normal skin</source>
        <translation>Piel normal</translation>
    </message>
    <message>
        <source>Eczema</source>
        <translation>Eczema</translation>
    </message>
    <message>
        <source>Urticaria (hives)</source>
        <translation>Urticaria (ronchas)</translation>
    </message>
    <message>
        <source>Urticaria</source>
        <translation>Urticaria</translation>
    </message>
    <message>
        <source>Bullous disease</source>
        <translation>Enfermedad ampollosa</translation>
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
        <translation>Detalle técnico (para el administrador): {detail}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Flags per hour</source>
        <translation>Alertas por hora</translation>
    </message>
    <message>
        <source>Flags per day</source>
        <translation>Alertas por día</translation>
    </message>
    <message>
        <source>Decision mix</source>
        <translation>Distribución de decisiones</translation>
    </message>
    <message>
        <source>Predicted class (stored cases)</source>
        <translation>Clase predicha (casos guardados)</translation>
    </message>
    <message>
        <source>Top probability per predicted class</source>
        <translation>Probabilidad más alta por clase predicha</translation>
    </message>
    <message>
        <source>Hour (station time)</source>
        <translation>Hora (hora del puesto)</translation>
    </message>
    <message>
        <source>Flagged cases</source>
        <translation>Casos con alerta</translation>
    </message>
    <message>
        <source>Day (station time)</source>
        <translation>Día (hora del puesto)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Clase predicha</translation>
    </message>
    <message>
        <source>Top probability</source>
        <translation>Probabilidad más alta</translation>
    </message>
    <message>
        <source>On confirmed cases: PPV and mpox recall of flags, per week</source>
        <translation>En casos confirmados: VPP y sensibilidad mpox de las alertas, por semana</translation>
    </message>
    <message>
        <source>Week (station time)</source>
        <translation>Semana (hora del puesto)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>On confirmed cases: no confirmed labels recorded yet.</source>
        <translation>En casos confirmados: aún no hay diagnósticos confirmados registrados.</translation>
    </message>
    <message>
        <source>PPV</source>
        <translation>VPP</translation>
    </message>
    <message>
        <source>mpox recall</source>
        <translation>sensibilidad mpox</translation>
    </message>
    <message>
        <source>On {n} confirmed cases: PPV of flags {ppv} ({both} mpox of {flagged} flagged), mpox recall {recall} ({both} flagged of {mpox} mpox; logged cases only).</source>
        <translation>En {n} casos confirmados: VPP de las alertas {ppv} ({both} mpox de {flagged} alertados), sensibilidad mpox {recall} ({both} alertados de {mpox} mpox; solo casos registrados).</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: no PCR outcomes recorded yet.</source>
        <translation>Valor predictivo positivo de las alertas: aún no hay resultados de PCR registrados.</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: {ppv} ({positive} PCR positive of {flagged} flagged cases with an outcome).</source>
        <translation>Valor predictivo positivo de las alertas: {ppv} ({positive} PCR positivas de {flagged} casos con alerta y resultado).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write the export {path}: {error}; choose another folder</source>
        <translation>no se puede escribir la exportación {path}: {error}; elija otra carpeta</translation>
    </message>
    <message>
        <source>open-set score {score}</source>
        <translation>puntuación open-set {score}</translation>
    </message>
    <message>
        <source>Images purged {date} (retention)</source>
        <translation>Imágenes eliminadas el {date} (conservación)</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>por qué: {reason}</translation>
    </message>
    <message>
        <source>Predicted {cls} {p}</source>
        <translation>Predicción {cls} {p}</translation>
    </message>
    <message>
        <source>Review: {status}</source>
        <translation>Revisión: {status}</translation>
    </message>
    <message>
        <source>Confirmed: {label}</source>
        <translation>Confirmado: {label}</translation>
    </message>
    <message>
        <source>Case {case_id} · {time} · station {station} · operator {operator} · traveller ref. {ref}</source>
        <translation>Caso {case_id} · {time} · puesto {station} · operador {operator} · ref. viajero {ref}</translation>
    </message>
    <message>
        <source>Model {name} ({sha})</source>
        <translation>Modelo {name} ({sha})</translation>
    </message>
    <message>
        <source>Thresholds: {lines}</source>
        <translation>Umbrales: {lines}</translation>
    </message>
    <message>
        <source>Picture quality: {lines}</source>
        <translation>Calidad de la imagen: {lines}</translation>
    </message>
    <message>
        <source>Mpox screening: case report</source>
        <translation>Cribado de mpox: informe de casos</translation>
    </message>
    <message>
        <source>{n} case(s), exported {time} (station time) by {user}. A screening aid, not a diagnosis.</source>
        <translation>{n} caso(s), exportado(s) el {time} (hora del puesto) por {user}. Una ayuda para el cribado, no un diagnóstico.</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>no revisado</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>Caso {case_id}</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Historial:</translation>
    </message>
    <message>
        <source>cannot write the PDF report {path}; check the folder is writable</source>
        <translation>no se puede escribir el informe PDF {path}; compruebe que la carpeta admite escritura</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>página {page} de {pages}</translation>
    </message>
    <message>
        <source>Mpox screening case report · exported {time} by {user} · confidential</source>
        <translation>Informe de casos del cribado de mpox · exportado el {time} por {user} · confidencial</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>The case database is busy (locked by another program): wait a moment and try again.</source>
        <translation>La base de datos de casos está ocupada (bloqueada por otro programa): espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The case database cannot be reached: try again in a moment, or call your administrator.</source>
        <translation>No se puede acceder a la base de datos de casos: vuelva a intentarlo en un momento o llame a su administrador.</translation>
    </message>
    <message>
        <source>The case database cannot write (disk full or read-only): call your administrator.</source>
        <translation>La base de datos de casos no puede escribir (disco lleno o de solo lectura): llame a su administrador.</translation>
    </message>
    <message>
        <source>The case database refused the request: try again, or call your administrator.</source>
        <translation>La base de datos de casos rechazó la solicitud: vuelva a intentarlo o llame a su administrador.</translation>
    </message>
    <message>
        <source>The station refused this. Call your administrator if it persists.</source>
        <translation>El puesto ha rechazado esta operación. Llame a su administrador si el problema persiste.</translation>
    </message>
    <message>
        <source>The user name must be 1 to 64 characters long.</source>
        <translation>El nombre de usuario debe tener entre 1 y 64 caracteres.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {n} characters.</source>
        <translation>La contraseña es demasiado corta: use al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>La contraseña no debe ser el nombre de usuario.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repetir la contraseña</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Crear la cuenta de administrador</translation>
    </message>
    <message>
        <source>First start: there are no accounts yet. Create the administrator account (password of at least {n} characters; there is no default password).</source>
        <translation>Primer inicio: todavía no hay cuentas. Cree la cuenta de administrador (contraseña de al menos {n} caracteres; no hay contraseña predeterminada).</translation>
    </message>
    <message>
        <source>The two passwords differ: type the password twice the same way.</source>
        <translation>Las dos contraseñas no coinciden: escriba la misma contraseña dos veces.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Log in to the screening station.</source>
        <translation>Inicie sesión en el puesto de cribado.</translation>
    </message>
    <message>
        <source>Type your user name first.</source>
        <translation>Escriba primero su nombre de usuario.</translation>
    </message>
    <message>
        <source>wrong user name or password, or the account is locked after repeated failed log-ins: try again later or ask an admin</source>
        <translation>Nombre de usuario o contraseña incorrectos, o la cuenta está bloqueada tras varios intentos fallidos: vuelva a intentarlo más tarde o consulte a un administrador</translation>
    </message>
</context>
<context>
    <name>LostPanel</name>
    <message>
        <source>Camera lost</source>
        <translation>Cámara perdida</translation>
    </message>
    <message>
        <source>What to do: check the camera&apos;s cable and that no other program uses it, or choose another camera. Screening resumes by itself when the picture returns.</source>
        <translation>Qué hacer: compruebe el cable de la cámara y que ningún otro programa la esté usando, o elija otra cámara. El cribado se reanuda solo cuando vuelve la imagen.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>no skin in view: point the camera at the rash</source>
        <translation>no se ve piel: apunte la cámara a la erupción</translation>
    </message>
    <message>
        <source>too dark: add light or move closer to the lamp</source>
        <translation>demasiado oscura: añada luz o acérquese a la lámpara</translation>
    </message>
    <message>
        <source>too bright: reduce glare or move away from direct light</source>
        <translation>demasiado clara: reduzca los reflejos o aléjese de la luz directa</translation>
    </message>
    <message>
        <source>rather dark</source>
        <translation>algo oscura</translation>
    </message>
    <message>
        <source>too blurred: hold still and let the camera focus</source>
        <translation>demasiado borrosa: quédese quieto y deje que la cámara enfoque</translation>
    </message>
    <message>
        <source>slightly blurred</source>
        <translation>ligeramente borrosa</translation>
    </message>
    <message>
        <source>little skin in view</source>
        <translation>poca piel a la vista</translation>
    </message>
    <message>
        <source>{cls} probability {p:.2f} is at or above the flag threshold {flag:.2f}</source>
        <translation>la probabilidad de {cls}, {p:.2f}, alcanza o supera el umbral de alerta {flag:.2f}</translation>
    </message>
    <message>
        <source>This rash does not look like any condition the model knows (mpox and seven look-alikes): a person must look</source>
        <translation>Esta erupción no se parece a ninguna afección que conozca el modelo (mpox y siete parecidas): debe verla una persona</translation>
    </message>
    <message>
        <source>open-set score {score:.2f}, threshold {threshold:.2f}</source>
        <translation>puntuación de afección desconocida {score:.2f}, umbral {threshold:.2f}</translation>
    </message>
    <message>
        <source>top probability {p:.2f} is below the review threshold {review:.2f}</source>
        <translation>la probabilidad más alta, {p:.2f}, está por debajo del umbral de revisión {review:.2f}</translation>
    </message>
    <message>
        <source>no flagged class reached {flag:.2f}; top class {cls} at {p:.2f}</source>
        <translation>ninguna clase vigilada alcanzó {flag:.2f}; clase más probable {cls} con {p:.2f}</translation>
    </message>
    <message>
        <source>image quality doubtful ({quality}); {reason}</source>
        <translation>calidad de imagen dudosa ({quality}); {reason}</translation>
    </message>
    <message>
        <source>this does not look like a skin close-up; point the camera at the affected skin</source>
        <translation>esto no parece un primer plano de la piel; apunte la cámara a la piel afectada</translation>
    </message>
    <message>
        <source>the model gave no usable result for this picture; a person must screen the traveller</source>
        <translation>el modelo no dio ningún resultado utilizable para esta imagen; una persona debe examinar al viajero</translation>
    </message>
</context>
<context>
    <name>ReferralSlip</name>
    <message>
        <source>Referral to secondary screening</source>
        <translation>Derivación al control sanitario secundario</translation>
    </message>
    <message>
        <source>Secondary-screening desk: examine the affected skin; the clinician decides. This result is a screening aid, not a diagnosis.</source>
        <translation>Puesto de control secundario: examine la piel afectada; decide el clínico. Este resultado es una ayuda para el cribado, no un diagnóstico.</translation>
    </message>
    <message>
        <source>The case id above (also in the QR code) is this case&apos;s name in the station&apos;s case log and in the review window&apos;s case details: quote it when you report the outcome.</source>
        <translation>El id. del caso de arriba (también en el código QR) es el nombre de este caso en el registro de casos del puesto y en el detalle del caso de la ventana de revisión: cítelo al comunicar el resultado.</translation>
    </message>
    <message>
        <source>This slip holds health information about the traveller: keep it with their file, never in public view, and shred it when it is no longer needed.</source>
        <translation>Este volante contiene información de salud del viajero: consérvelo con su expediente, nunca a la vista del público, y destrúyalo cuando ya no sea necesario.</translation>
    </message>
    <message>
        <source>Take the traveller, with this slip, to the secondary-screening desk. Follow the site&apos;s infection-control procedure for a suspected infectious rash.</source>
        <translation>Lleve al viajero, con este volante, al puesto de control secundario. Siga el procedimiento de control de infecciones del sitio ante una erupción infecciosa sospechosa.</translation>
    </message>
    <message>
        <source>{action}; give this slip to the clinician who sees the traveller.</source>
        <translation>{action}; entregue este volante al clínico que atienda al viajero.</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>Puesto de cribado de mpox</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Id. del caso</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>QR code: case id</source>
        <translation>Código QR: id. del caso</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Top 3 classes (model probability)</source>
        <translation>Las 3 clases principales (probabilidad del modelo)</translation>
    </message>
    <message>
        <source>None: the rash does not look like any condition the model knows.</source>
        <translation>Ninguna: la erupción no se parece a ninguna afección que conozca el modelo.</translation>
    </message>
    <message>
        <source>Screened picture</source>
        <translation>Imagen examinada</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls}</source>
        <translation>Mapa de calor: dónde buscó el modelo {cls}</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Mapa de calor</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>The referral slip could not be saved in {folder} ({why}). Ask the station&apos;s administrator to make that folder writable, or to set [referral] folder in the configuration; until then, write case id {case_id} on a paper slip for the desk</source>
        <translation>No se pudo guardar el volante de derivación en {folder} ({why}). Pida al administrador del puesto que permita escribir en esa carpeta o que configure [referral] folder; mientras tanto, escriba el id. del caso {case_id} en un volante de papel para el puesto de control</translation>
    </message>
    <message>
        <source>{title}: case {case_id}</source>
        <translation>{title}: caso {case_id}</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>no se pudo escribir el archivo</translation>
    </message>
    <message>
        <source>writing the file failed; the disk may be full</source>
        <translation>falló la escritura del archivo; puede que el disco esté lleno</translation>
    </message>
    <message>
        <source>printer {printer} was not found; check [referral] printer in the configuration (the system&apos;s printers: lpstat -p), or print the saved PDF</source>
        <translation>no se encontró la impresora {printer}; compruebe [referral] printer en la configuración (las impresoras del sistema: lpstat -p) o imprima el PDF guardado</translation>
    </message>
    <message>
        <source>printer {printer} did not accept the slip; print the saved PDF</source>
        <translation>la impresora {printer} no aceptó el volante; imprima el PDF guardado</translation>
    </message>
    <message>
        <source>Referral slip saved: {path}</source>
        <translation>Volante de derivación guardado: {path}</translation>
    </message>
    <message>
        <source>sent to printer {printer}</source>
        <translation>enviado a la impresora {printer}</translation>
    </message>
    <message>
        <source>not printed: {error}</source>
        <translation>no impreso: {error}</translation>
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <source>This case is no longer in the case database (an admin deleted it). Refresh the list (F5).</source>
        <translation>Este caso ya no está en la base de datos de casos (un administrador lo eliminó). Actualice la lista (F5).</translation>
    </message>
    <message>
        <source>Your account may not do this. Log in with an account that may (a reviewer, or an admin), or ask an admin.</source>
        <translation>Su cuenta no permite esta operación. Inicie sesión con una cuenta que la permita (revisor o administrador), o pida ayuda a un administrador.</translation>
    </message>
    <message>
        <source>The picture&apos;s file is missing (removed after its retention period, or deleted).</source>
        <translation>Falta el archivo de la imagen (se eliminó al terminar su periodo de conservación, o se borró).</translation>
    </message>
    <message>
        <source>The picture cannot be shown: its file is damaged or was altered. Call your administrator.</source>
        <translation>No se puede mostrar la imagen: su archivo está dañado o fue modificado. Llame a su administrador.</translation>
    </message>
    <message>
        <source>The pictures cannot be shown: the station&apos;s key file is unusable. Call your administrator.</source>
        <translation>No se pueden mostrar las imágenes: el archivo de clave del puesto no se puede usar. Llame a su administrador.</translation>
    </message>
    <message>
        <source>The case database could not do this. Try again; if it keeps failing, call your administrator.</source>
        <translation>La base de datos de casos no pudo realizar esta operación. Vuelva a intentarlo; si sigue fallando, llame a su administrador.</translation>
    </message>
</context>
<context>
    <name>ReviewRules</name>
    <message>
        <source>The note is {length} characters long; keep it under {most}.</source>
        <translation>La nota tiene {length} caracteres; no supere los {most}.</translation>
    </message>
    <message>
        <source>This case has a PCR outcome ({outcome}): its review status can no longer be changed (it stays {status}).</source>
        <translation>Este caso tiene un resultado de PCR ({outcome}): su estado de revisión ya no puede cambiarse (sigue siendo «{status}»).</translation>
    </message>
    <message>
        <source>This case is already {status}.</source>
        <translation>Este caso ya tiene el estado «{status}».</translation>
    </message>
    <message>
        <source>A {status} case cannot be changed with &apos;{action}&apos;.</source>
        <translation>Un caso con el estado «{status}» no puede cambiarse con «{action}».</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note saying why.</source>
        <translation>Descartar un caso confirmado requiere una nota que explique el motivo.</translation>
    </message>
    <message>
        <source>Reopening a {status} case needs a note saying why.</source>
        <translation>Reabrir un caso con el estado «{status}» requiere una nota que explique el motivo.</translation>
    </message>
    <message>
        <source>This case was dismissed: reopen it (confirm or refer it, with a note) before recording a PCR outcome.</source>
        <translation>Este caso fue descartado: reábralo (confírmelo o derívelo, con una nota) antes de registrar un resultado de PCR.</translation>
    </message>
    <message>
        <source>A PCR outcome is recorded on a confirmed or referred case only; this case is {status}: confirm or refer it first.</source>
        <translation>Un resultado de PCR solo se registra en un caso confirmado o derivado; este caso tiene el estado «{status}»: confírmelo o derívelo primero.</translation>
    </message>
    <message>
        <source>This case already has this PCR outcome ({outcome}).</source>
        <translation>Este caso ya tiene este resultado de PCR ({outcome}).</translation>
    </message>
    <message>
        <source>This case already has a PCR outcome ({outcome}): changing it needs a note saying why (e.g. the laboratory corrected its result).</source>
        <translation>Este caso ya tiene un resultado de PCR ({outcome}): cambiarlo requiere una nota que explique el motivo (p. ej., el laboratorio corrigió su resultado).</translation>
    </message>
    <message>
        <source>Write which condition it turned out to be (e.g. scabies).</source>
        <translation>Escriba qué afección resultó ser (p. ej., sarna).</translation>
    </message>
    <message>
        <source>The condition&apos;s name is {length} characters long; keep it under {most}.</source>
        <translation>El nombre de la afección tiene {length} caracteres; manténgalo por debajo de {most}.</translation>
    </message>
    <message>
        <source>This case already has this confirmed label.</source>
        <translation>Este caso ya tiene este diagnóstico confirmado.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: changing it needs a note saying why.</source>
        <translation>Este caso ya tiene un diagnóstico confirmado: cambiarlo requiere una nota que explique por qué.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Reviewing cases needs a reviewer or admin login.</source>
        <translation>Revisar casos requiere iniciar sesión como revisor o administrador.</translation>
    </message>
    <message>
        <source>Case review · {user} ({role})</source>
        <translation>Revisión de casos · {user} ({role})</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>Todas las decisiones</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Todas las clases</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>Todos los puestos</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>Cualquier estado de revisión</translation>
    </message>
    <message>
        <source>Search traveller ref. or case id</source>
        <translation>Buscar ref. de viajero o id. de caso</translation>
    </message>
    <message>
        <source>A whole traveller reference (any case or spacing), or the start of a case id (as on the referral slip); Enter</source>
        <translation>Una referencia de viajero completa (sin importar mayúsculas ni espacios), o el comienzo de un n.º de caso (como en la hoja de derivación); Intro</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Casos</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Abrir caso</translation>
    </message>
    <message>
        <source>Export selected to &amp;CSV…</source>
        <translation>Exportar selección a &amp;CSV…</translation>
    </message>
    <message>
        <source>Export selected to &amp;PDF…</source>
        <translation>Exportar selección a &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualizar</translation>
    </message>
    <message>
        <source>&amp;Verify audit trail</source>
        <translation>&amp;Verificar registro de auditoría</translation>
    </message>
    <message>
        <source>&amp;Log off</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Reading the cases from the database…</source>
        <translation>Leyendo los casos de la base de datos…</translation>
    </message>
    <message>
        <source>{total} case(s) match · {loaded} loaded</source>
        <translation>{total} caso(s) coinciden · {loaded} cargados</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Export the selected cases to folder</source>
        <translation>Exportar los casos seleccionados a la carpeta</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Select the cases to export first (Ctrl+A selects all loaded).</source>
        <translation>Seleccione primero los casos que exportar (Ctrl+A selecciona todos los cargados).</translation>
    </message>
    <message>
        <source>Exported {n} case(s) to {path} (readable by you only)</source>
        <translation>{n} caso(s) exportado(s) a {path} (solo usted puede leerlo)</translation>
    </message>
    <message>
        <source>Audit trail intact: {entries} entries.</source>
        <translation>Registro de auditoría íntegro: {entries} entradas.</translation>
    </message>
    <message>
        <source>Audit trail TAMPERED:</source>
        <translation>Registro de auditoría MANIPULADO:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Case review</source>
        <translation>Revisión de casos</translation>
    </message>
    <message>
        <source>You are logged in as {user} ({role}).</source>
        <translation>Ha iniciado sesión como {user} ({role}).</translation>
    </message>
    <message>
        <source>Nobody is logged in.</source>
        <translation>No hay nadie con sesión iniciada.</translation>
    </message>
    <message>
        <source>Log off and log in with a reviewer or admin account, or ask an admin.</source>
        <translation>Cierre sesión e iníciela con una cuenta de revisor o administrador, o pida ayuda a un administrador.</translation>
    </message>
    <message>
        <source>The refusal could not be written to the audit trail.</source>
        <translation>No se pudo escribir la denegación en el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>ScreeningWindow</name>
    <message>
        <source>Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller to secondary screening.</source>
        <translation>Ayuda al cribado, no un diagnóstico: decide el agente. En caso de duda, derive al viajero al control secundario.</translation>
    </message>
    <message>
        <source>CAMERA LOST · no live picture</source>
        <translation>CÁMARA PERDIDA · sin imagen en directo</translation>
    </message>
    <message>
        <source>Check the cable or choose another camera [Ctrl+K]</source>
        <translation>Comprobar el cable o elegir otra cámara [Ctrl+K]</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Esperando a la cámara…</translation>
    </message>
    <message>
        <source>Screening is unavailable: the model could not be loaded. Call your administrator.</source>
        <translation>El cribado no está disponible: no se pudo cargar el modelo. Llame a su administrador.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>no iniciada</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>no configurada</translation>
    </message>
    <message>
        <source>unavailable: cases are NOT saved. Call your administrator</source>
        <translation>no disponible: los casos NO se guardan. Llame a su administrador</translation>
    </message>
    <message>
        <source>The camera delivers no picture.</source>
        <translation>La cámara no envía ninguna imagen.</translation>
    </message>
    <message>
        <source>Picture may improve the model  [T]</source>
        <translation>Imagen para el modelo  [T]</translation>
    </message>
    <message>
        <source>Traveller reference for the next capture (optional): document number or note — Ctrl+L</source>
        <translation>Referencia del viajero para la próxima captura (opcional): número de documento o nota — Ctrl+L</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>Puesto de cribado de mpox</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Choose the camera (Ctrl+K): the cameras found, and the configured source</source>
        <translation>Elegir la cámara (Ctrl+K): las cámaras encontradas y la fuente configurada</translation>
    </message>
    <message>
        <source>Log off</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>End your session (Ctrl+Shift+L): the screen is cleared and the login comes back</source>
        <translation>Terminar su sesión (Ctrl+Shift+L): la pantalla se borra y vuelve el inicio de sesión</translation>
    </message>
    <message>
        <source>Capture  [Space]</source>
        <translation>Capturar  [Space]</translation>
    </message>
    <message>
        <source>Automatic  [A]</source>
        <translation>Automático  [A]</translation>
    </message>
    <message>
        <source>Review cases  [Ctrl+R]</source>
        <translation>Revisar casos  [Ctrl+R]</translation>
    </message>
    <message>
        <source>Referral slip  [P]</source>
        <translation>Hoja de derivación  [P]</translation>
    </message>
    <message>
        <source>Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer is configured: FLAG and REVIEW results saved as a case [P]</source>
        <translation>Guardar la hoja de derivación (PDF) para el puesto de control secundario, e imprimirla si hay una impresora configurada: resultados ALERTA y REVISAR guardados como caso [P]</translation>
    </message>
    <message>
        <source>The screened image and its heatmap appear here</source>
        <translation>La imagen analizada y su mapa de calor aparecen aquí</translation>
    </message>
    <message>
        <source>Heatmap [H]</source>
        <translation>Mapa de calor [H]</translation>
    </message>
    <message>
        <source>Heatmap opacity ( - / + )</source>
        <translation>Opacidad del mapa de calor ( - / + )</translation>
    </message>
    <message>
        <source>Opacity [-/+]</source>
        <translation>Opacidad [-/+]</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>Modelo: {model}</translation>
    </message>
    <message>
        <source>Model: none</source>
        <translation>Modelo: ninguno</translation>
    </message>
    <message>
        <source>Inference —</source>
        <translation>Inferencia —</translation>
    </message>
    <message>
        <source>Camera —</source>
        <translation>Cámara —</translation>
    </message>
    <message>
        <source>Dropped {n}</source>
        <translation>Descartados {n}</translation>
    </message>
    <message>
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it only a FLAG is saved, without picture or reference. It resets for the next traveller.</source>
        <translation>Pulse cuando el viajero haya leído el aviso de privacidad y esté de acuerdo [C]. Sin ello solo se guarda una ALERTA, sin imagen ni referencia. Se reinicia para el siguiente viajero.</translation>
    </message>
    <message>
        <source>Ask the traveller whether their picture may be kept to improve the screening model; press only if they say yes [T]. It resets for the next traveller.</source>
        <translation>Pregunte al viajero si su imagen puede conservarse para mejorar el modelo de detección; pulse solo si dice que sí [T]. Se reinicia para el siguiente viajero.</translation>
    </message>
    <message>
        <source>The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>La imagen en directo sigue funcionando; el cribado empezará cuando se configure un modelo y se reinicie el puesto.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it only a FLAG is saved, without picture or reference.</source>
        <translation>Muestre al viajero el aviso de privacidad y pulse [C] cuando esté de acuerdo; sin ello solo se guarda una ALERTA, sin imagen ni referencia.</translation>
    </message>
    <message>
        <source> Case saved without picture or reference: the traveller did not agree to the notice.</source>
        <translation> Caso guardado sin imagen ni referencia: el viajero no aceptó el aviso.</translation>
    </message>
    <message>
        <source> The case was NOT saved: call your administrator if it persists.</source>
        <translation> El caso NO se ha guardado: llame a su administrador si el problema persiste.</translation>
    </message>
    <message>
        <source> The database refused this case: it is set aside on this station; call your admin.</source>
        <translation> La base de datos rechazó este caso: queda apartado en este puesto; llame a su administrador.</translation>
    </message>
    <message>
        <source> Case kept on this station: it goes into the database as soon as the database answers.</source>
        <translation> Caso guardado en este puesto: pasará a la base de datos en cuanto la base de datos responda.</translation>
    </message>
    <message>
        <source>Screening this picture failed. Try again; if it persists, restart the station.</source>
        <translation>El cribado de esta imagen ha fallado. Vuelva a intentarlo; si persiste, reinicie el puesto.</translation>
    </message>
    <message>
        <source>Database: {state}</source>
        <translation>Base de datos: {state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>Idioma del viajero</translation>
    </message>
    <message>
        <source>The screening model was changed or damaged: call your administrator.</source>
        <translation>El modelo de cribado ha sido modificado o está dañado: llame a su administrador.</translation>
    </message>
    <message>
        <source>Screening is out of service: the model keeps failing. Screen travellers by hand and call your administrator.</source>
        <translation>La detección está fuera de servicio: el modelo falla una y otra vez. Examine a los viajeros a mano y llame a su administrador.</translation>
    </message>
    <message>
        <source>The language of the traveller&apos;s panel and privacy notice (the station keeps its own)</source>
        <translation>El idioma del panel y del aviso de privacidad del viajero (el puesto mantiene el suyo)</translation>
    </message>
    <message>
        <source>Traveller agreed to the notice  [C]</source>
        <translation>El viajero aceptó el aviso  [C]</translation>
    </message>
    <message>
        <source>No login (demo mode)</source>
        <translation>Sin inicio de sesión (modo demo)</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>Sesión de: {name} ({role})</translation>
    </message>
    <message>
        <source>Logged in: {name}</source>
        <translation>Sesión de: {name}</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Nadie ha iniciado sesión</translation>
    </message>
    <message>
        <source>No live picture to screen: wait for the camera.</source>
        <translation>No hay imagen en directo que analizar: espere a la cámara.</translation>
    </message>
    <message>
        <source>Wait for the live picture</source>
        <translation>Esperar la imagen en directo</translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation>Analizando…</translation>
    </message>
    <message>
        <source>Not found now: it is kept in the list because it is configured or in use</source>
        <translation>No encontrada ahora: se mantiene en la lista porque está configurada o en uso</translation>
    </message>
    <message>
        <source>Log in to screen travellers.</source>
        <translation>Inicie sesión para cribar a los viajeros.</translation>
    </message>
    <message>
        <source>Point the camera at the rash, then press Capture or turn on Automatic.</source>
        <translation>Apunte la cámara a la erupción y pulse Capturar o active Automático.</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} was not saved: type it again with the new picture.</source>
        <translation> La ref. del viajero {ref} no se guardó: escríbala de nuevo con la nueva foto.</translation>
    </message>
    <message>
        <source>{time} · {reason}.{note}</source>
        <translation>{time} · {reason}.{note}</translation>
    </message>
    <message>
        <source>mean of {n} frames</source>
        <translation>media de {n} imágenes</translation>
    </message>
    <message>
        <source>captured frame</source>
        <translation>imagen capturada</translation>
    </message>
    <message>
        <source> Saving the case on this station…</source>
        <translation> Guardando el caso en este puesto…</translation>
    </message>
    <message>
        <source> Case saved with traveller ref. {ref}.</source>
        <translation> Caso guardado con la ref. del viajero {ref}.</translation>
    </message>
    <message>
        <source> Case saved.</source>
        <translation> Caso guardado.</translation>
    </message>
    <message>
        <source> Nothing saved: the traveller did not agree to the notice (no case, no picture).</source>
        <translation> Nada guardado: el viajero no aceptó el aviso (ni caso, ni foto).</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} not saved (no case is kept for this result).</source>
        <translation> Ref. del viajero {ref} no guardada (no se conserva ningún caso de este resultado).</translation>
    </message>
    <message>
        <source>{time} · {reason} ({how}).{saved}</source>
        <translation>{time} · {reason} ({how}).{saved}</translation>
    </message>
    <message>
        <source>Inference {infer:.0f} ms +heatmap {cam:.0f} ms</source>
        <translation>Inferencia {infer:.0f} ms +mapa {cam:.0f} ms</translation>
    </message>
    <message>
        <source>SCREENING ERROR</source>
        <translation>ERROR DE CRIBADO</translation>
    </message>
    <message>
        <source>Capture again</source>
        <translation>Capturar de nuevo</translation>
    </message>
    <message>
        <source>Screened picture (no heatmap: this result names no condition)</source>
        <translation>Imagen analizada (sin mapa de calor: este resultado no nombra ninguna afección)</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls} · dashed square: what the model saw</source>
        <translation>Mapa de calor: dónde buscó el modelo {cls} · cuadrado discontinuo: lo que vio el modelo</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked · dashed square: what the model saw</source>
        <translation>Mapa de calor: dónde miró el modelo · cuadrado discontinuo: lo que vio el modelo</translation>
    </message>
    <message>
        <source>Screened picture (heatmap off [H]) · dashed square: what the model saw</source>
        <translation>Imagen analizada (mapa de calor desactivado [H]) · cuadrado discontinuo: lo que vio el modelo</translation>
    </message>
    <message>
        <source>No live picture since {time}; the station keeps trying the camera.</source>
        <translation>Sin imagen en directo desde las {time}; el puesto sigue intentando conectar la cámara.</translation>
    </message>
    <message>
        <source>Camera {fps:.1f} fps · shown {shown:.1f}</source>
        <translation>Cámara {fps:.1f} fps · mostradas {shown:.1f}</translation>
    </message>
    <message>
        <source>Camera none</source>
        <translation>Cámara: ninguna</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Mpox screening station: cannot start</source>
        <translation>Puesto de cribado de mpox: no se puede iniciar</translation>
    </message>
    <message>
        <source>The station cannot start. Call your administrator.</source>
        <translation>El puesto no puede iniciarse. Llame a su administrador.</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <source>flag rate outside its usual range</source>
        <translation>tasa de alertas fuera de su rango habitual</translation>
    </message>
    <message>
        <source>flag rate unlike the other stations</source>
        <translation>tasa de alertas distinta de los demás puestos</translation>
    </message>
    <message>
        <source>runs a model the other stations do not</source>
        <translation>usa un modelo que los demás puestos no usan</translation>
    </message>
    <message>
        <source>camera starting</source>
        <translation>cámara iniciándose</translation>
    </message>
    <message>
        <source>camera live</source>
        <translation>cámara activa</translation>
    </message>
    <message>
        <source>camera lost</source>
        <translation>cámara perdida</translation>
    </message>
    <message>
        <source>camera stopped</source>
        <translation>cámara detenida</translation>
    </message>
    <message>
        <source>station closed</source>
        <translation>puesto cerrado</translation>
    </message>
    <message>
        <source>model unavailable</source>
        <translation>modelo no disponible</translation>
    </message>
    <message>
        <source>{rate} ({flags} of {screened})</source>
        <translation>{rate} ({flags} de {screened})</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Look at it because</source>
        <translation>Revisar porque</translation>
    </message>
    <message>
        <source>Flag rate, 24 h</source>
        <translation>Tasa de alertas, 24 h</translation>
    </message>
    <message>
        <source>Its past 14 days</source>
        <translation>Sus últimos 14 días</translation>
    </message>
    <message>
        <source>All stations (median)</source>
        <translation>Todos los puestos (mediana)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Daily flag rate per station</source>
        <translation>Tasa diaria de alertas por puesto</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Día (UTC)</translation>
    </message>
    <message>
        <source>Flagged share of screenings</source>
        <translation>Proporción de cribados alertados</translation>
    </message>
    <message>
        <source>up</source>
        <translation>en servicio</translation>
    </message>
    <message>
        <source>down</source>
        <translation>fuera de servicio</translation>
    </message>
    <message>
        <source>not up</source>
        <translation>fuera de servicio</translation>
    </message>
    <message>
        <source>never (no heartbeat)</source>
        <translation>nunca (sin señal)</translation>
    </message>
    <message>
        <source>{up} of {n} stations up; {marked} to look at.</source>
        <translation>{up} de {n} puestos en servicio; {marked} por revisar.</translation>
    </message>
</context>
<context>
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>alerta {threshold:.2f}</translation>
    </message>
</context>
</TS>
