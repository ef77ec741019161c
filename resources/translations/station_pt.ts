<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>FLAG · suspected {cls}</source>
        <translation>ALERTA · suspeita de {cls}</translation>
    </message>
    <message>
        <source>REVIEW · manual review needed</source>
        <translation>REVER · revisão manual necessária</translation>
    </message>
    <message>
        <source>CLEAR · {cls}</source>
        <translation>SEM ALERTA · {cls}</translation>
    </message>
    <message>
        <source>RETAKE · image not usable</source>
        <translation>REPETIR · imagem inutilizável</translation>
    </message>
    <message>
        <source>Ready · press Capture</source>
        <translation>Pronto · prima Capturar</translation>
    </message>
    <message>
        <source>SCREENING UNAVAILABLE</source>
        <translation>RASTREIO INDISPONÍVEL</translation>
    </message>
    <message>
        <source>LOGGED OFF · log in to screen</source>
        <translation>SESSÃO TERMINADA · inicie sessão para rastrear</translation>
    </message>
    <message>
        <source>RETAKE · not a skin close-up</source>
        <translation>REPETIR · não é um grande plano da pele</translation>
    </message>
    <message>
        <source>REVIEW · condition not recognised</source>
        <translation>REVER · condição não reconhecida</translation>
    </message>
    <message>
        <source>Send to secondary screening</source>
        <translation>Encaminhar para o rastreio secundário</translation>
    </message>
    <message>
        <source>Hold the traveller and ask the duty clinician</source>
        <translation>Reter o viajante e chamar o clínico de serviço</translation>
    </message>
    <message>
        <source>Let the traveller pass</source>
        <translation>Deixar passar o viajante</translation>
    </message>
    <message>
        <source>Take the picture again</source>
        <translation>Tirar a fotografia de novo</translation>
    </message>
    <message>
        <source>Hold the camera steady, closer, in good light</source>
        <translation>Segurar a câmara firme, mais perto, com boa luz</translation>
    </message>
    <message>
        <source>Point the camera at the affected skin</source>
        <translation>Apontar a câmara para a pele afetada</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>Mpox (monkeypox)</source>
        <translation>Mpox (varíola dos macacos)</translation>
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
        <translation>Sarampo</translation>
    </message>
    <message>
        <source>Normal skin</source>
        <translation>Pele normal</translation>
    </message>
    <message>
        <source>Eczema</source>
        <translation>Eczema</translation>
    </message>
    <message>
        <source>Urticaria (hives)</source>
        <translation>Urticária (vergões)</translation>
    </message>
    <message>
        <source>Urticaria</source>
        <translation>Urticária</translation>
    </message>
    <message>
        <source>Bullous disease</source>
        <translation>Doença bolhosa</translation>
    </message>
    <message>
        <source>Vasculitis</source>
        <translation>Vasculite</translation>
    </message>
</context>
<context>
    <name>LostPanel</name>
    <message>
        <source>Camera lost</source>
        <translation>Câmara perdida</translation>
    </message>
    <message>
        <source>What to do: check the camera&apos;s cable and that no other program uses it, or choose another camera. Screening resumes by itself when the picture returns.</source>
        <translation>O que fazer: verifique o cabo da câmara e que nenhum outro programa a está a usar, ou escolha outra câmara. O rastreio recomeça sozinho quando a imagem voltar.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>no skin in view: point the camera at the rash</source>
        <translation>nenhuma pele visível: aponte a câmara para a erupção</translation>
    </message>
    <message>
        <source>too dark: add light or move closer to the lamp</source>
        <translation>demasiado escura: acrescente luz ou aproxime-se da lâmpada</translation>
    </message>
    <message>
        <source>too bright: reduce glare or move away from direct light</source>
        <translation>demasiado clara: reduza os reflexos ou afaste-se da luz direta</translation>
    </message>
    <message>
        <source>rather dark</source>
        <translation>um pouco escura</translation>
    </message>
    <message>
        <source>too blurred: hold still and let the camera focus</source>
        <translation>demasiado desfocada: mantenha-se imóvel e deixe a câmara focar</translation>
    </message>
    <message>
        <source>slightly blurred</source>
        <translation>ligeiramente desfocada</translation>
    </message>
    <message>
        <source>little skin in view</source>
        <translation>pouca pele visível</translation>
    </message>
    <message>
        <source>{cls} probability {p:.2f} is at or above the flag threshold {flag:.2f}</source>
        <translation>a probabilidade de {cls}, {p:.2f}, atinge ou ultrapassa o limiar de alerta {flag:.2f}</translation>
    </message>
    <message>
        <source>This rash does not look like any condition the model knows (mpox and seven look-alikes): a person must look</source>
        <translation>Esta erupção não se parece com nenhuma condição que o modelo conheça (mpox e sete semelhantes): uma pessoa tem de a observar</translation>
    </message>
    <message>
        <source>open-set score {score:.2f}, threshold {threshold:.2f}</source>
        <translation>pontuação de condição desconhecida {score:.2f}, limiar {threshold:.2f}</translation>
    </message>
    <message>
        <source>top probability {p:.2f} is below the review threshold {review:.2f}</source>
        <translation>a probabilidade mais alta, {p:.2f}, está abaixo do limiar de revisão {review:.2f}</translation>
    </message>
    <message>
        <source>no flagged class reached {flag:.2f}; top class {cls} at {p:.2f}</source>
        <translation>nenhuma classe vigiada atingiu {flag:.2f}; classe mais provável {cls} com {p:.2f}</translation>
    </message>
    <message>
        <source>image quality doubtful ({quality}); {reason}</source>
        <translation>qualidade de imagem duvidosa ({quality}); {reason}</translation>
    </message>
    <message>
        <source>this does not look like a skin close-up; point the camera at the affected skin</source>
        <translation>isto não parece um grande plano da pele; aponte a câmara para a pele afetada</translation>
    </message>
</context>
<context>
    <name>ScreeningWindow</name>
    <message>
        <source>Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller to secondary screening.</source>
        <translation>Auxiliar de rastreio, não um diagnóstico: quem decide é o agente. Em caso de dúvida, encaminhe o viajante para o rastreio secundário.</translation>
    </message>
    <message>
        <source>CAMERA LOST · no live picture</source>
        <translation>CÂMARA PERDIDA · sem imagem em direto</translation>
    </message>
    <message>
        <source>Check the cable or choose another camera [Ctrl+K]</source>
        <translation>Verificar o cabo ou escolher outra câmara [Ctrl+K]</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>À espera da câmara…</translation>
    </message>
    <message>
        <source>Traveller reference for the next capture (optional): document number or note — Ctrl+L</source>
        <translation>Referência do viajante para a próxima captura (opcional): número do documento ou nota — Ctrl+L</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>Posto de rastreio de mpox</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Choose the camera (Ctrl+K): the cameras found, and the configured source</source>
        <translation>Escolher a câmara (Ctrl+K): as câmaras encontradas e a fonte configurada</translation>
    </message>
    <message>
        <source>Log off</source>
        <translation>Terminar sessão</translation>
    </message>
    <message>
        <source>End your session (Ctrl+Shift+L): the screen is cleared and the login comes back</source>
        <translation>Terminar a sua sessão (Ctrl+Shift+L): o ecrã é limpo e o início de sessão volta</translation>
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
        <translation>Rever casos  [Ctrl+R]</translation>
    </message>
    <message>
        <source>Referral slip  [P]</source>
        <translation>Guia de encaminhamento  [P]</translation>
    </message>
    <message>
        <source>Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer is configured: FLAG and REVIEW results saved as a case [P]</source>
        <translation>Guardar a guia de encaminhamento (PDF) para o posto de rastreio secundário e imprimi-la quando houver uma impressora configurada: resultados ALERTA e REVER guardados como caso [P]</translation>
    </message>
    <message>
        <source>The screened image and its heatmap appear here</source>
        <translation>A imagem analisada e o seu mapa de calor aparecem aqui</translation>
    </message>
    <message>
        <source>Heatmap [H]</source>
        <translation>Mapa de calor [H]</translation>
    </message>
    <message>
        <source>Heatmap opacity ( - / + )</source>
        <translation>Opacidade do mapa de calor ( - / + )</translation>
    </message>
    <message>
        <source>Opacity [-/+]</source>
        <translation>Opacidade [-/+]</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>Modelo: {model}</translation>
    </message>
    <message>
        <source>Model: none</source>
        <translation>Modelo: nenhum</translation>
    </message>
    <message>
        <source>Inference —</source>
        <translation>Inferência —</translation>
    </message>
    <message>
        <source>Camera —</source>
        <translation>Câmara —</translation>
    </message>
    <message>
        <source>Dropped {n}</source>
        <translation>Descartadas {n}</translation>
    </message>
    <message>
        <source>Database: {state}</source>
        <translation>Base de dados: {state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>Idioma do viajante</translation>
    </message>
    <message>
        <source>The language of the traveller&apos;s panel and privacy notice (the station keeps its own)</source>
        <translation>O idioma do painel e do aviso de privacidade do viajante (o posto mantém o seu)</translation>
    </message>
    <message>
        <source>Traveller agreed to the notice  [C]</source>
        <translation>O viajante aceitou o aviso  [C]</translation>
    </message>
    <message>
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it the result is shown but nothing is saved. It resets for the next traveller.</source>
        <translation>Prima quando o viajante tiver lido o aviso de privacidade e o aceitar [C]. Sem isso, o resultado é mostrado mas nada é guardado. É reposto para o viajante seguinte.</translation>
    </message>
    <message>
        <source>No login (demo mode)</source>
        <translation>Sem início de sessão (modo de demonstração)</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>Sessão de: {name} ({role})</translation>
    </message>
    <message>
        <source>Logged in: {name}</source>
        <translation>Sessão de: {name}</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Ninguém com sessão iniciada</translation>
    </message>
    <message>
        <source>No live picture to screen: wait for the camera.</source>
        <translation>Nenhuma imagem em direto para analisar: aguarde a câmara.</translation>
    </message>
    <message>
        <source>Wait for the live picture</source>
        <translation>Aguardar a imagem em direto</translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation>A analisar…</translation>
    </message>
    <message>
        <source>Not found now: it is kept in the list because it is configured or in use</source>
        <translation>Não encontrada agora: mantém-se na lista porque está configurada ou em uso</translation>
    </message>
    <message>
        <source>Log in to screen travellers.</source>
        <translation>Inicie sessão para rastrear viajantes.</translation>
    </message>
    <message>
        <source>{problem}. The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>{problem}. A imagem em direto continua a funcionar; o rastreio começa quando um modelo for configurado e o posto reiniciado.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it the result is shown but nothing is saved.</source>
        <translation>Mostre ao viajante o aviso de privacidade e prima [C] se ele o aceitar; caso contrário, o resultado é mostrado mas nada é guardado.</translation>
    </message>
    <message>
        <source>Point the camera at the rash, then press Capture or turn on Automatic.</source>
        <translation>Aponte a câmara para a erupção e prima Capturar ou ative Automático.</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} was not saved: type it again with the new picture.</source>
        <translation> A ref. do viajante {ref} não foi guardada: escreva-a de novo com a nova fotografia.</translation>
    </message>
    <message>
        <source>{time} · {reason}.{note}</source>
        <translation>{time} · {reason}.{note}</translation>
    </message>
    <message>
        <source>mean of {n} frames</source>
        <translation>média de {n} imagens</translation>
    </message>
    <message>
        <source>captured frame</source>
        <translation>imagem capturada</translation>
    </message>
    <message>
        <source> Case saved with traveller ref. {ref}.</source>
        <translation> Caso guardado com a ref. do viajante {ref}.</translation>
    </message>
    <message>
        <source> Case saved.</source>
        <translation> Caso guardado.</translation>
    </message>
    <message>
        <source> Nothing saved: the traveller did not agree to the notice (no case, no picture).</source>
        <translation> Nada guardado: o viajante não aceitou o aviso (nem caso, nem fotografia).</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} not saved (no case is kept for this result).</source>
        <translation> Ref. do viajante {ref} não guardada (nenhum caso é mantido para este resultado).</translation>
    </message>
    <message>
        <source>{time} · {reason} ({how}).{saved}</source>
        <translation>{time} · {reason} ({how}).{saved}</translation>
    </message>
    <message>
        <source>Inference {infer:.0f} ms +heatmap {cam:.0f} ms</source>
        <translation>Inferência {infer:.0f} ms +mapa {cam:.0f} ms</translation>
    </message>
    <message>
        <source>{problem}. Try again; if it persists, restart the station.</source>
        <translation>{problem}. Tente de novo; se persistir, reinicie o posto.</translation>
    </message>
    <message>
        <source>SCREENING ERROR</source>
        <translation>ERRO DE RASTREIO</translation>
    </message>
    <message>
        <source>Capture again</source>
        <translation>Capturar de novo</translation>
    </message>
    <message>
        <source>Screened picture (no heatmap: this result names no condition)</source>
        <translation>Imagem analisada (sem mapa de calor: este resultado não nomeia nenhuma condição)</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls} · dashed square: what the model saw</source>
        <translation>Mapa de calor: onde o modelo procurou {cls} · quadrado tracejado: o que o modelo viu</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked · dashed square: what the model saw</source>
        <translation>Mapa de calor: onde o modelo olhou · quadrado tracejado: o que o modelo viu</translation>
    </message>
    <message>
        <source>Screened picture (heatmap off [H]) · dashed square: what the model saw</source>
        <translation>Imagem analisada (mapa de calor desligado [H]) · quadrado tracejado: o que o modelo viu</translation>
    </message>
    <message>
        <source>No live picture since {time}; the station keeps trying the camera.</source>
        <translation>Sem imagem em direto desde as {time}; o posto continua a tentar a câmara.</translation>
    </message>
    <message>
        <source>OK, {written} saved, {pending} waiting</source>
        <translation>OK, {written} guardados, {pending} em espera</translation>
    </message>
    <message>
        <source>Database: retrying ({pending} waiting, kept on disk)</source>
        <translation>Base de dados: a tentar de novo ({pending} em espera, guardados no disco)</translation>
    </message>
    <message>
        <source>Camera {fps:.1f} fps · shown {shown:.1f}</source>
        <translation>Câmara {fps:.1f} fps · mostradas {shown:.1f}</translation>
    </message>
    <message>
        <source>Camera none</source>
        <translation>Câmara: nenhuma</translation>
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
