<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
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
        <source>Database: {state}</source>
        <translation>Base de datos: {state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>Idioma del viajero</translation>
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
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it the result is shown but nothing is saved. It resets for the next traveller.</source>
        <translation>Pulse cuando el viajero haya leído el aviso de privacidad y lo acepte [C]. Sin ello, el resultado se muestra pero no se guarda nada. Se restablece para el siguiente viajero.</translation>
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
        <source>{problem}. The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>{problem}. La imagen en directo sigue funcionando; el cribado empieza cuando se configure un modelo y se reinicie el puesto.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it the result is shown but nothing is saved.</source>
        <translation>Muestre al viajero el aviso de privacidad y pulse [C] si lo acepta; si no, el resultado se muestra pero no se guarda nada.</translation>
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
        <source>{problem}. Try again; if it persists, restart the station.</source>
        <translation>{problem}. Inténtelo de nuevo; si persiste, reinicie el puesto.</translation>
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
        <source>OK, {written} saved, {pending} waiting</source>
        <translation>OK, {written} guardados, {pending} en espera</translation>
    </message>
    <message>
        <source>Database: retrying ({pending} waiting, kept on disk)</source>
        <translation>Base de datos: reintentando ({pending} en espera, guardados en disco)</translation>
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
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>alerta {threshold:.2f}</translation>
    </message>
</context>
</TS>
