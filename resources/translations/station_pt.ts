<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt" sourcelanguage="en">
<context>
    <name>AdminTabs</name>
    <message>
        <source>User</source>
        <translation>Utilizador</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Conta</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bloqueado até</translation>
    </message>
    <message>
        <source>Failed log-ins</source>
        <translation>Entradas falhadas</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Mudar a função…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desativar</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Ativar</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Every change is checked by the store and written to the audit log.</source>
        <translation>Cada alteração é verificada pelo armazenamento e registada no registo de auditoria.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desativada</translation>
    </message>
    <message>
        <source>active</source>
        <translation>ativa</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Mudar a função</translation>
    </message>
    <message>
        <source>New role for {user}:</source>
        <translation>Nova função para {user}:</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Não alterado</translation>
    </message>
    <message>
        <source>What it concerns (a user, a case id)</source>
        <translation>A que se refere (um utilizador, um id de caso)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
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
        <translation>Ação</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Refere-se a</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>{n} newest entries; `mpox-kiosk verify-audit` checks the whole chain.</source>
        <translation>As {n} entradas mais recentes; `mpox-kiosk verify-audit` verifica toda a cadeia.</translation>
    </message>
</context>
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
        <source>REVIEW · the model failed</source>
        <translation>REVISÃO · o modelo falhou</translation>
    </message>
    <message>
        <source>Screen this traveller by hand</source>
        <translation>Examine este viajante manualmente</translation>
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
    <name>Capture</name>
    <message>
        <source>The camera cannot be opened: check that it is plugged in and not used by another program, or choose another camera.</source>
        <translation>Não é possível abrir a câmara: verifique se está ligada e se nenhum outro programa a está a usar, ou escolha outra câmara.</translation>
    </message>
    <message>
        <source>The configured picture source cannot be opened: choose a camera, or call your administrator.</source>
        <translation>Não é possível abrir a fonte de imagens configurada: escolha uma câmara ou contacte o seu administrador.</translation>
    </message>
    <message>
        <source>The camera could not be started: choose another camera, or call your administrator.</source>
        <translation>Não foi possível iniciar a câmara: escolha outra câmara ou contacte o seu administrador.</translation>
    </message>
    <message>
        <source>No new picture for {seconds:.1f} s: the camera may be unplugged, used by another program or frozen.</source>
        <translation>Nenhuma imagem nova há {seconds:.1f} s: a câmara pode estar desligada, a ser usada por outro programa ou bloqueada.</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures (reading failed).</source>
        <translation>A câmara deixou de enviar imagens (falha de leitura).</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures.</source>
        <translation>A câmara deixou de enviar imagens.</translation>
    </message>
    <message>
        <source>The camera delivers pictures of the wrong size or format: choose another camera.</source>
        <translation>A câmara envia imagens com tamanho ou formato errados: escolha outra câmara.</translation>
    </message>
    <message>
        <source>Picture skipped because it could not be read: {file}</source>
        <translation>Imagem ignorada porque não foi possível lê-la: {file}</translation>
    </message>
    <message>
        <source>Trying again in {seconds:.0f} s.</source>
        <translation>Nova tentativa dentro de {seconds:.0f} s.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>não encontrada</translation>
    </message>
    <message>
        <source>not a source</source>
        <translation>não é uma fonte</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Confirm case?</source>
        <translation>Confirmar o caso?</translation>
    </message>
    <message>
        <source>confirm it (send the traveller to secondary screening / PCR)</source>
        <translation>confirmá-lo (enviar o viajante para a triagem secundária / PCR)</translation>
    </message>
    <message>
        <source>Dismiss case?</source>
        <translation>Descartar o caso?</translation>
    </message>
    <message>
        <source>dismiss it as a false alarm</source>
        <translation>descartá-lo como falso alarme</translation>
    </message>
    <message>
        <source>Refer case?</source>
        <translation>Encaminhar o caso?</translation>
    </message>
    <message>
        <source>refer it to another reviewer or service</source>
        <translation>encaminhá-lo a outro revisor ou serviço</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>Caso {case_id}</translation>
    </message>
    <message>
        <source>image purged (retention) or unavailable</source>
        <translation>imagem eliminada (retenção) ou indisponível</translation>
    </message>
    <message>
        <source>no heatmap</source>
        <translation>sem mapa de calor</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidade</translation>
    </message>
    <message>
        <source>Note (what was done, why)</source>
        <translation>Nota (o que foi feito, porquê)</translation>
    </message>
    <message>
        <source>Turned out to be: choose…</source>
        <translation>Resultou ser: escolher…</translation>
    </message>
    <message>
        <source>Which condition (e.g. scabies)</source>
        <translation>Qual doença (p. ex., sarna)</translation>
    </message>
    <message>
        <source>&amp;Confirm (send to PCR)</source>
        <translation>&amp;Confirmar (enviar para PCR)</translation>
    </message>
    <message>
        <source>&amp;Dismiss (false alarm)</source>
        <translation>&amp;Descartar (falso alarme)</translation>
    </message>
    <message>
        <source>&amp;Refer</source>
        <translation>Encaminha&amp;r</translation>
    </message>
    <message>
        <source>Record &amp;label</source>
        <translation>Registrar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>PCR result: choose…</source>
        <translation>Resultado da PCR: escolher…</translation>
    </message>
    <message>
        <source>Record &amp;outcome</source>
        <translation>Registar o res&amp;ultado</translation>
    </message>
    <message>
        <source>History: {lines}</source>
        <translation>Histórico: {lines}</translation>
    </message>
    <message>
        <source>not reviewed yet</source>
        <translation>ainda não revisto</translation>
    </message>
    <message>
        <source>Choose the PCR result first (positive or negative).</source>
        <translation>Escolha primeiro o resultado da PCR (positivo ou negativo).</translation>
    </message>
    <message>
        <source>Record outcome?</source>
        <translation>Registar o resultado?</translation>
    </message>
    <message>
        <source>record the outcome {outcome}</source>
        <translation>registar o resultado {outcome}</translation>
    </message>
    <message>
        <source>Choose what the case turned out to be first.</source>
        <translation>Escolha primeiro o que o caso resultou ser.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: write why it changes in the note box, then press Record label again.</source>
        <translation>Este caso já tem um diagnóstico confirmado: escreva na nota por que muda e pressione Registrar diagnóstico novamente.</translation>
    </message>
    <message>
        <source>Record confirmed label?</source>
        <translation>Registrar o diagnóstico confirmado?</translation>
    </message>
    <message>
        <source>record that it turned out to be: {label}</source>
        <translation>registrar que resultou ser: {label}</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note: write why in the note box, then press Dismiss again.</source>
        <translation>Descartar um caso confirmado exige uma nota: escreva o motivo na caixa de nota e prima Descartar novamente.</translation>
    </message>
    <message>
        <source>This change to a case with the status {status} needs a note: write why in the note box, then try again.</source>
        <translation>Esta alteração a um caso com o estado {status} exige uma nota: escreva o motivo na caixa de nota e tente novamente.</translation>
    </message>
    <message>
        <source>Case {case_id} ({decision}, {cls}, now {status}): {what}?</source>
        <translation>Caso {case_id} ({decision}, {cls}, agora {status}): {what}?</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
    <message>
        <source>No note.</source>
        <translation>Sem nota.</translation>
    </message>
    <message>
        <source>This is recorded with your name in the audit trail.</source>
        <translation>Isto fica registado com o seu nome no registo de auditoria.</translation>
    </message>
    <message>
        <source>The change could not be saved: the case database did not accept it ({error}). Try again; if it keeps failing, call your administrator.</source>
        <translation>Não foi possível guardar a alteração: a base de dados de casos não a aceitou ({error}). Tente novamente; se continuar a falhar, contacte o seu administrador.</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>Image</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Posto</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisão</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Previsão</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidade</translation>
    </message>
    <message>
        <source>p(mpox)</source>
        <translation>p(mpox)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisão</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Id. do caso</translation>
    </message>
    <message>
        <source>Traveller ref.</source>
        <translation>Ref. viajante</translation>
    </message>
    <message>
        <source>images purged</source>
        <translation>imagens eliminadas</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>sem imagem</translation>
    </message>
    <message>
        <source>The model&apos;s probability of mpox: a case is flagged when it reaches the flag threshold</source>
        <translation>Probabilidade de mpox segundo o modelo: um caso é assinalado quando atinge o limiar de alerta</translation>
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
        <translation>PCR não realizada</translation>
    </message>
    <message>
        <source>another condition</source>
        <translation>outra doença</translation>
    </message>
    <message>
        <source>not skin</source>
        <translation>não é pele</translation>
    </message>
    <message>
        <source>unknown (no diagnosis)</source>
        <translation>desconhecido (sem diagnóstico)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendente</translation>
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
        <translation>Encaminhado</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmou</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>descartou</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>encaminhou</translation>
    </message>
    <message>
        <source>recorded the outcome</source>
        <translation>registou o resultado</translation>
    </message>
    <message>
        <source>recorded the confirmed label</source>
        <translation>registrou o diagnóstico confirmado</translation>
    </message>
    <message>
        <source>FLAG</source>
        <translation>ALERTA</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>REVER</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>SEM ALERTA</translation>
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
        <translation>uma classe assinalada atingiu o limiar de alerta</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>confiança baixa</translation>
    </message>
    <message>
        <source>condition not recognised</source>
        <translation>condição não reconhecida</translation>
    </message>
    <message>
        <source>not a skin close-up</source>
        <translation>não é um grande plano da pele</translation>
    </message>
    <message>
        <source>doubtful picture</source>
        <translation>imagem duvidosa</translation>
    </message>
    <message>
        <source>confident result</source>
        <translation>resultado fiável</translation>
    </message>
    <message>
        <source>the model failed</source>
        <translation>o modelo falhou</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Nitidez</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Brilho</translation>
    </message>
    <message>
        <source>Burnt-out pixels</source>
        <translation>Píxeis saturados</translation>
    </message>
    <message>
        <source>Skin in view</source>
        <translation>Pele visível</translation>
    </message>
    <message>
        <source>{value} of 255</source>
        <translation>{value} de 255</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglês</translation>
    </message>
    <message>
        <source>French</source>
        <translation>francês</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>espanhol</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>português</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>árabe</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>chinês simplificado</translation>
    </message>
    <message>
        <source>The picture may be used to improve the model (traveller agreed).</source>
        <translation>A imagem pode ser usada para melhorar o modelo (o viajante concordou).</translation>
    </message>
    <message>
        <source>The picture may NOT be used to improve the model.</source>
        <translation>A imagem NÃO pode ser usada para melhorar o modelo.</translation>
    </message>
    <message>
        <source>Notice: not recorded (the station did not ask for the traveller&apos;s agreement)</source>
        <translation>Aviso: não registado (o posto não pediu o consentimento do viajante)</translation>
    </message>
    <message>
        <source>shown for information (public-health basis)</source>
        <translation>mostrado a título informativo (base de saúde pública)</translation>
    </message>
    <message>
        <source>traveller agreed</source>
        <translation>o viajante aceitou</translation>
    </message>
    <message>
        <source>traveller did not agree</source>
        <translation>o viajante não aceitou</translation>
    </message>
    <message>
        <source>language not recorded</source>
        <translation>idioma não registado</translation>
    </message>
    <message>
        <source>Notice: version {version} ({language}), {answer}</source>
        <translation>Aviso: versão {version} ({language}), {answer}</translation>
    </message>
    <message>
        <source>Flag threshold ({classes})</source>
        <translation>Limiar de alerta ({classes})</translation>
    </message>
    <message>
        <source>Review threshold (top probability)</source>
        <translation>Limiar de revisão (probabilidade mais alta)</translation>
    </message>
    <message>
        <source>Condition-not-recognised threshold (open-set score)</source>
        <translation>Limiar de condição não reconhecida (pontuação open-set)</translation>
    </message>
    <message>
        <source>Not-skin threshold (open-set score)</source>
        <translation>Limiar de não pele (pontuação open-set)</translation>
    </message>
</context>
<context>
    <name>CaseWriter</name>
    <message>
        <source>Database busy: cases are kept on this computer and saved when it frees ({n} waiting)</source>
        <translation>Base de dados ocupada: os casos ficam guardados neste computador e são registados quando ficar livre ({n} em espera)</translation>
    </message>
    <message>
        <source>Database unreachable: cases are kept on this computer and saved when it is back ({n} waiting)</source>
        <translation>Base de dados inacessível: os casos ficam guardados neste computador e são registados quando voltar ({n} em espera)</translation>
    </message>
    <message>
        <source>Database cannot write (disk full or read-only): cases are kept on this computer ({n} waiting)</source>
        <translation>A base de dados não consegue escrever (disco cheio ou só de leitura): os casos ficam guardados neste computador ({n} em espera)</translation>
    </message>
    <message>
        <source>A case could not be saved to the database and was set aside on this computer: call your administrator ({n} waiting)</source>
        <translation>Um caso não pôde ser guardado na base de dados e foi posto de parte neste computador: chame o seu administrador ({n} em espera)</translation>
    </message>
    <message>
        <source>Database error: cases are kept on this computer ({n} waiting); see the log</source>
        <translation>Erro da base de dados: os casos ficam guardados neste computador ({n} em espera); consulte o registo</translation>
    </message>
    <message>
        <source>Database OK: {written} saved, {n} waiting</source>
        <translation>Base de dados OK: {written} guardados, {n} em espera</translation>
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
    <name>Common</name>
    <message>
        <source>Technical detail (for the administrator): {detail}</source>
        <translation>Detalhe técnico (para o administrador): {detail}</translation>
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
        <translation>Alertas por dia</translation>
    </message>
    <message>
        <source>Decision mix</source>
        <translation>Distribuição das decisões</translation>
    </message>
    <message>
        <source>Predicted class (stored cases)</source>
        <translation>Classe prevista (casos guardados)</translation>
    </message>
    <message>
        <source>Top probability per predicted class</source>
        <translation>Probabilidade mais alta por classe prevista</translation>
    </message>
    <message>
        <source>Hour (station time)</source>
        <translation>Hora (hora do posto)</translation>
    </message>
    <message>
        <source>Flagged cases</source>
        <translation>Casos com alerta</translation>
    </message>
    <message>
        <source>Day (station time)</source>
        <translation>Dia (hora do posto)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisão</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Classe prevista</translation>
    </message>
    <message>
        <source>Top probability</source>
        <translation>Probabilidade mais alta</translation>
    </message>
    <message>
        <source>On confirmed cases: PPV and mpox recall of flags, per week</source>
        <translation>Em casos confirmados: VPP e sensibilidade mpox dos alertas, por semana</translation>
    </message>
    <message>
        <source>Week (station time)</source>
        <translation>Semana (hora do posto)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporção</translation>
    </message>
    <message>
        <source>On confirmed cases: no confirmed labels recorded yet.</source>
        <translation>Em casos confirmados: ainda não há diagnósticos confirmados registrados.</translation>
    </message>
    <message>
        <source>PPV</source>
        <translation>VPP</translation>
    </message>
    <message>
        <source>mpox recall</source>
        <translation>sensibilidade mpox</translation>
    </message>
    <message>
        <source>On {n} confirmed cases: PPV of flags {ppv} ({both} mpox of {flagged} flagged), mpox recall {recall} ({both} flagged of {mpox} mpox; logged cases only).</source>
        <translation>Em {n} casos confirmados: VPP dos alertas {ppv} ({both} mpox de {flagged} alertados), sensibilidade mpox {recall} ({both} alertados de {mpox} mpox; apenas casos registrados).</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: no PCR outcomes recorded yet.</source>
        <translation>Valor preditivo positivo dos alertas: ainda não há resultados de PCR registados.</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: {ppv} ({positive} PCR positive of {flagged} flagged cases with an outcome).</source>
        <translation>Valor preditivo positivo dos alertas: {ppv} ({positive} PCR positivas em {flagged} casos com alerta e resultado).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write the export {path}: {error}; choose another folder</source>
        <translation>não é possível escrever a exportação {path}: {error}; escolha outra pasta</translation>
    </message>
    <message>
        <source>open-set score {score}</source>
        <translation>pontuação open-set {score}</translation>
    </message>
    <message>
        <source>Images purged {date} (retention)</source>
        <translation>Imagens eliminadas em {date} (retenção)</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>porquê: {reason}</translation>
    </message>
    <message>
        <source>Predicted {cls} {p}</source>
        <translation>Previsão {cls} {p}</translation>
    </message>
    <message>
        <source>Review: {status}</source>
        <translation>Revisão: {status}</translation>
    </message>
    <message>
        <source>Confirmed: {label}</source>
        <translation>Confirmado: {label}</translation>
    </message>
    <message>
        <source>Case {case_id} · {time} · station {station} · operator {operator} · traveller ref. {ref}</source>
        <translation>Caso {case_id} · {time} · posto {station} · operador {operator} · ref. viajante {ref}</translation>
    </message>
    <message>
        <source>Model {name} ({sha})</source>
        <translation>Modelo {name} ({sha})</translation>
    </message>
    <message>
        <source>Thresholds: {lines}</source>
        <translation>Limiares: {lines}</translation>
    </message>
    <message>
        <source>Picture quality: {lines}</source>
        <translation>Qualidade da imagem: {lines}</translation>
    </message>
    <message>
        <source>Mpox screening: case report</source>
        <translation>Rastreio de mpox: relatório de casos</translation>
    </message>
    <message>
        <source>{n} case(s), exported {time} (station time) by {user}. A screening aid, not a diagnosis.</source>
        <translation>{n} caso(s), exportado(s) em {time} (hora do posto) por {user}. Um auxílio ao rastreio, não um diagnóstico.</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>não revisto</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>Caso {case_id}</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Histórico:</translation>
    </message>
    <message>
        <source>cannot write the PDF report {path}; check the folder is writable</source>
        <translation>não é possível escrever o relatório PDF {path}; verifique se a pasta permite escrita</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>página {page} de {pages}</translation>
    </message>
    <message>
        <source>Mpox screening case report · exported {time} by {user} · confidential</source>
        <translation>Relatório de casos do rastreio de mpox · exportado em {time} por {user} · confidencial</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>The case database is busy (locked by another program): wait a moment and try again.</source>
        <translation>A base de dados de casos está ocupada (bloqueada por outro programa): aguarde um momento e tente novamente.</translation>
    </message>
    <message>
        <source>The case database cannot be reached: try again in a moment, or call your administrator.</source>
        <translation>Não é possível aceder à base de dados de casos: tente novamente dentro de momentos ou contacte o seu administrador.</translation>
    </message>
    <message>
        <source>The case database cannot write (disk full or read-only): call your administrator.</source>
        <translation>A base de dados de casos não consegue escrever (disco cheio ou só de leitura): contacte o seu administrador.</translation>
    </message>
    <message>
        <source>The case database refused the request: try again, or call your administrator.</source>
        <translation>A base de dados de casos recusou o pedido: tente novamente ou contacte o seu administrador.</translation>
    </message>
    <message>
        <source>The station refused this. Call your administrator if it persists.</source>
        <translation>O posto recusou esta operação. Contacte o seu administrador se o problema persistir.</translation>
    </message>
    <message>
        <source>The user name must be 1 to 64 characters long.</source>
        <translation>O nome de utilizador deve ter entre 1 e 64 caracteres.</translation>
    </message>
    <message>
        <source>The password is too short: use at least {n} characters.</source>
        <translation>A palavra-passe é demasiado curta: use pelo menos {n} caracteres.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>A palavra-passe não pode ser o nome de utilizador.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome de utilizador</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repetir a palavra-passe</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Criar a conta de administrador</translation>
    </message>
    <message>
        <source>First start: there are no accounts yet. Create the administrator account (password of at least {n} characters; there is no default password).</source>
        <translation>Primeiro arranque: ainda não há contas. Crie a conta de administrador (palavra-passe com pelo menos {n} caracteres; não existe palavra-passe predefinida).</translation>
    </message>
    <message>
        <source>The two passwords differ: type the password twice the same way.</source>
        <translation>As duas palavras-passe são diferentes: escreva a mesma palavra-passe duas vezes.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Iniciar sessão</translation>
    </message>
    <message>
        <source>Log in to the screening station.</source>
        <translation>Inicie sessão no posto de rastreio.</translation>
    </message>
    <message>
        <source>Type your user name first.</source>
        <translation>Escreva primeiro o seu nome de utilizador.</translation>
    </message>
    <message>
        <source>wrong user name or password, or the account is locked after repeated failed log-ins: try again later or ask an admin</source>
        <translation>Nome de utilizador ou palavra-passe errados, ou a conta está bloqueada após várias tentativas falhadas: tente novamente mais tarde ou peça a um administrador</translation>
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
    <message>
        <source>the model gave no usable result for this picture; a person must screen the traveller</source>
        <translation>o modelo não deu nenhum resultado utilizável para esta imagem; uma pessoa deve examinar o viajante</translation>
    </message>
</context>
<context>
    <name>ReferralSlip</name>
    <message>
        <source>Referral to secondary screening</source>
        <translation>Encaminhamento para a triagem secundária</translation>
    </message>
    <message>
        <source>Secondary-screening desk: examine the affected skin; the clinician decides. This result is a screening aid, not a diagnosis.</source>
        <translation>Posto de triagem secundária: examine a pele afetada; o clínico decide. Este resultado é um auxílio ao rastreio, não um diagnóstico.</translation>
    </message>
    <message>
        <source>The case id above (also in the QR code) is this case&apos;s name in the station&apos;s case log and in the review window&apos;s case details: quote it when you report the outcome.</source>
        <translation>O id. do caso acima (também no código QR) é o nome deste caso no registo de casos do posto e nos detalhes do caso da janela de revisão: indique-o ao comunicar o resultado.</translation>
    </message>
    <message>
        <source>This slip holds health information about the traveller: keep it with their file, never in public view, and shred it when it is no longer needed.</source>
        <translation>Esta guia contém informação de saúde do viajante: guarde-a com o processo dele, nunca à vista do público, e destrua-a quando deixar de ser necessária.</translation>
    </message>
    <message>
        <source>Take the traveller, with this slip, to the secondary-screening desk. Follow the site&apos;s infection-control procedure for a suspected infectious rash.</source>
        <translation>Leve o viajante, com esta guia, ao posto de triagem secundária. Siga o procedimento de controlo de infeção do local para uma erupção infecciosa suspeita.</translation>
    </message>
    <message>
        <source>{action}; give this slip to the clinician who sees the traveller.</source>
        <translation>{action}; entregue esta guia ao clínico que observar o viajante.</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>Posto de rastreio de mpox</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Id. do caso</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Posto</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>QR code: case id</source>
        <translation>Código QR: id. do caso</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Porquê</translation>
    </message>
    <message>
        <source>Top 3 classes (model probability)</source>
        <translation>As 3 classes principais (probabilidade do modelo)</translation>
    </message>
    <message>
        <source>None: the rash does not look like any condition the model knows.</source>
        <translation>Nenhuma: a erupção não se parece com nenhuma condição que o modelo conheça.</translation>
    </message>
    <message>
        <source>Screened picture</source>
        <translation>Imagem examinada</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls}</source>
        <translation>Mapa de calor: onde o modelo procurou {cls}</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Mapa de calor</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instruções</translation>
    </message>
    <message>
        <source>The referral slip could not be saved in {folder} ({why}). Ask the station&apos;s administrator to make that folder writable, or to set [referral] folder in the configuration; until then, write case id {case_id} on a paper slip for the desk</source>
        <translation>Não foi possível guardar a guia de encaminhamento em {folder} ({why}). Peça ao administrador do posto que permita a escrita nessa pasta ou que defina [referral] folder na configuração; entretanto, escreva o id. do caso {case_id} numa guia em papel para o posto de triagem</translation>
    </message>
    <message>
        <source>{title}: case {case_id}</source>
        <translation>{title}: caso {case_id}</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>não foi possível escrever o ficheiro</translation>
    </message>
    <message>
        <source>writing the file failed; the disk may be full</source>
        <translation>a escrita do ficheiro falhou; o disco pode estar cheio</translation>
    </message>
    <message>
        <source>printer {printer} was not found; check [referral] printer in the configuration (the system&apos;s printers: lpstat -p), or print the saved PDF</source>
        <translation>a impressora {printer} não foi encontrada; verifique [referral] printer na configuração (as impressoras do sistema: lpstat -p) ou imprima o PDF guardado</translation>
    </message>
    <message>
        <source>printer {printer} did not accept the slip; print the saved PDF</source>
        <translation>a impressora {printer} não aceitou a guia; imprima o PDF guardado</translation>
    </message>
    <message>
        <source>Referral slip saved: {path}</source>
        <translation>Guia de encaminhamento guardada: {path}</translation>
    </message>
    <message>
        <source>sent to printer {printer}</source>
        <translation>enviada para a impressora {printer}</translation>
    </message>
    <message>
        <source>not printed: {error}</source>
        <translation>não impressa: {error}</translation>
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <source>This case is no longer in the case database (an admin deleted it). Refresh the list (F5).</source>
        <translation>Este caso já não está na base de dados de casos (um administrador eliminou-o). Atualize a lista (F5).</translation>
    </message>
    <message>
        <source>Your account may not do this. Log in with an account that may (a reviewer, or an admin), or ask an admin.</source>
        <translation>A sua conta não permite esta operação. Inicie sessão com uma conta que a permita (revisor ou administrador), ou peça a um administrador.</translation>
    </message>
    <message>
        <source>The picture&apos;s file is missing (removed after its retention period, or deleted).</source>
        <translation>O ficheiro da imagem não existe (eliminado no fim do período de retenção, ou apagado).</translation>
    </message>
    <message>
        <source>The picture cannot be shown: its file is damaged or was altered. Call your administrator.</source>
        <translation>Não é possível mostrar a imagem: o ficheiro está danificado ou foi alterado. Contacte o seu administrador.</translation>
    </message>
    <message>
        <source>The pictures cannot be shown: the station&apos;s key file is unusable. Call your administrator.</source>
        <translation>Não é possível mostrar as imagens: o ficheiro de chave do posto não pode ser usado. Contacte o seu administrador.</translation>
    </message>
    <message>
        <source>The case database could not do this. Try again; if it keeps failing, call your administrator.</source>
        <translation>A base de dados de casos não conseguiu fazer esta operação. Tente novamente; se continuar a falhar, contacte o seu administrador.</translation>
    </message>
</context>
<context>
    <name>ReviewRules</name>
    <message>
        <source>The note is {length} characters long; keep it under {most}.</source>
        <translation>A nota tem {length} caracteres; não ultrapasse os {most}.</translation>
    </message>
    <message>
        <source>This case has a PCR outcome ({outcome}): its review status can no longer be changed (it stays {status}).</source>
        <translation>Este caso tem um resultado de PCR ({outcome}): o seu estado de revisão já não pode ser alterado (mantém-se «{status}»).</translation>
    </message>
    <message>
        <source>This case is already {status}.</source>
        <translation>Este caso já tem o estado «{status}».</translation>
    </message>
    <message>
        <source>A {status} case cannot be changed with &apos;{action}&apos;.</source>
        <translation>Um caso com o estado «{status}» não pode ser alterado com «{action}».</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note saying why.</source>
        <translation>Descartar um caso confirmado exige uma nota a explicar porquê.</translation>
    </message>
    <message>
        <source>Reopening a {status} case needs a note saying why.</source>
        <translation>Reabrir um caso com o estado «{status}» exige uma nota a explicar porquê.</translation>
    </message>
    <message>
        <source>This case was dismissed: reopen it (confirm or refer it, with a note) before recording a PCR outcome.</source>
        <translation>Este caso foi descartado: reabra-o (confirme-o ou encaminhe-o, com uma nota) antes de registar um resultado de PCR.</translation>
    </message>
    <message>
        <source>A PCR outcome is recorded on a confirmed or referred case only; this case is {status}: confirm or refer it first.</source>
        <translation>Um resultado de PCR só é registado num caso confirmado ou encaminhado; este caso tem o estado «{status}»: confirme-o ou encaminhe-o primeiro.</translation>
    </message>
    <message>
        <source>This case already has this PCR outcome ({outcome}).</source>
        <translation>Este caso já tem este resultado de PCR ({outcome}).</translation>
    </message>
    <message>
        <source>This case already has a PCR outcome ({outcome}): changing it needs a note saying why (e.g. the laboratory corrected its result).</source>
        <translation>Este caso já tem um resultado de PCR ({outcome}): alterá-lo exige uma nota a explicar porquê (p. ex., o laboratório corrigiu o resultado).</translation>
    </message>
    <message>
        <source>Write which condition it turned out to be (e.g. scabies).</source>
        <translation>Escreva qual doença resultou ser (p. ex., sarna).</translation>
    </message>
    <message>
        <source>The condition&apos;s name is {length} characters long; keep it under {most}.</source>
        <translation>O nome da doença tem {length} caracteres; mantenha-o abaixo de {most}.</translation>
    </message>
    <message>
        <source>This case already has this confirmed label.</source>
        <translation>Este caso já tem este diagnóstico confirmado.</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: changing it needs a note saying why.</source>
        <translation>Este caso já tem um diagnóstico confirmado: alterá-lo exige uma nota explicando por quê.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Reviewing cases needs a reviewer or admin login.</source>
        <translation>Rever casos exige uma sessão de revisor ou administrador.</translation>
    </message>
    <message>
        <source>Case review · {user} ({role})</source>
        <translation>Revisão de casos · {user} ({role})</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>Todas as decisões</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Todas as classes</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>Todos os postos</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>Qualquer estado de revisão</translation>
    </message>
    <message>
        <source>Search traveller ref. or case id</source>
        <translation>Procurar ref. de viajante ou id. de caso</translation>
    </message>
    <message>
        <source>A whole traveller reference (any case or spacing), or the start of a case id (as on the referral slip); Enter</source>
        <translation>Uma referência de viajante completa (maiúsculas e espaços indiferentes), ou o início de um n.º de caso (como na guia de encaminhamento); Enter</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Painel</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilizadores</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registo de auditoria</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Postos</translation>
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
        <translation>Exportar seleção para &amp;CSV…</translation>
    </message>
    <message>
        <source>Export selected to &amp;PDF…</source>
        <translation>Exportar seleção para &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;tualizar</translation>
    </message>
    <message>
        <source>&amp;Verify audit trail</source>
        <translation>&amp;Verificar registo de auditoria</translation>
    </message>
    <message>
        <source>&amp;Log off</source>
        <translation>Terminar &amp;sessão</translation>
    </message>
    <message>
        <source>Reading the cases from the database…</source>
        <translation>A ler os casos da base de dados…</translation>
    </message>
    <message>
        <source>{total} case(s) match · {loaded} loaded</source>
        <translation>{total} caso(s) correspondem · {loaded} carregados</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Export the selected cases to folder</source>
        <translation>Exportar os casos selecionados para a pasta</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Select the cases to export first (Ctrl+A selects all loaded).</source>
        <translation>Selecione primeiro os casos a exportar (Ctrl+A seleciona todos os carregados).</translation>
    </message>
    <message>
        <source>Exported {n} case(s) to {path} (readable by you only)</source>
        <translation>{n} caso(s) exportado(s) para {path} (só você o pode ler)</translation>
    </message>
    <message>
        <source>Audit trail intact: {entries} entries.</source>
        <translation>Registo de auditoria íntegro: {entries} entradas.</translation>
    </message>
    <message>
        <source>Audit trail TAMPERED:</source>
        <translation>Registo de auditoria ADULTERADO:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registo de auditoria</translation>
    </message>
    <message>
        <source>Case review</source>
        <translation>Revisão de casos</translation>
    </message>
    <message>
        <source>You are logged in as {user} ({role}).</source>
        <translation>Tem sessão iniciada como {user} ({role}).</translation>
    </message>
    <message>
        <source>Nobody is logged in.</source>
        <translation>Ninguém tem sessão iniciada.</translation>
    </message>
    <message>
        <source>Log off and log in with a reviewer or admin account, or ask an admin.</source>
        <translation>Termine a sessão e inicie-a com uma conta de revisor ou administrador, ou peça a um administrador.</translation>
    </message>
    <message>
        <source>The refusal could not be written to the audit trail.</source>
        <translation>Não foi possível escrever a recusa no registo de auditoria.</translation>
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
        <source>Screening is unavailable: the model could not be loaded. Call your administrator.</source>
        <translation>O rastreio não está disponível: não foi possível carregar o modelo. Contacte o seu administrador.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>não iniciada</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>não configurada</translation>
    </message>
    <message>
        <source>unavailable: cases are NOT saved. Call your administrator</source>
        <translation>indisponível: os casos NÃO são guardados. Contacte o seu administrador</translation>
    </message>
    <message>
        <source>The camera delivers no picture.</source>
        <translation>A câmara não envia nenhuma imagem.</translation>
    </message>
    <message>
        <source>Picture may improve the model  [T]</source>
        <translation>Imagem para o modelo  [T]</translation>
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
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it only a FLAG is saved, without picture or reference. It resets for the next traveller.</source>
        <translation>Prima quando o viajante tiver lido o aviso de privacidade e concordar [C]. Sem isso só é guardado um ALERTA, sem imagem nem referência. É reposto para o viajante seguinte.</translation>
    </message>
    <message>
        <source>Ask the traveller whether their picture may be kept to improve the screening model; press only if they say yes [T]. It resets for the next traveller.</source>
        <translation>Pergunte ao viajante se a sua imagem pode ser guardada para melhorar o modelo de triagem; prima só se disser que sim [T]. É reposto para o viajante seguinte.</translation>
    </message>
    <message>
        <source>The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>A imagem em direto continua a funcionar; o rastreio começa quando um modelo for configurado e o posto reiniciado.</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it only a FLAG is saved, without picture or reference.</source>
        <translation>Mostre ao viajante o aviso de privacidade e prima [C] quando concordar; sem isso só é guardado um ALERTA, sem imagem nem referência.</translation>
    </message>
    <message>
        <source> Case saved without picture or reference: the traveller did not agree to the notice.</source>
        <translation> Caso guardado sem imagem nem referência: o viajante não concordou com o aviso.</translation>
    </message>
    <message>
        <source> The case was NOT saved: call your administrator if it persists.</source>
        <translation> O caso NÃO foi guardado: contacte o seu administrador se o problema persistir.</translation>
    </message>
    <message>
        <source> The database refused this case: it is set aside on this station; call your admin.</source>
        <translation> A base de dados recusou este caso: fica à parte neste posto; chame o seu administrador.</translation>
    </message>
    <message>
        <source> Case kept on this station: it goes into the database as soon as the database answers.</source>
        <translation> Caso guardado neste posto: será gravado na base de dados assim que a base de dados responder.</translation>
    </message>
    <message>
        <source>Screening this picture failed. Try again; if it persists, restart the station.</source>
        <translation>O rastreio desta imagem falhou. Tente novamente; se persistir, reinicie o posto.</translation>
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
        <source>The screening model was changed or damaged: call your administrator.</source>
        <translation>O modelo de rastreio foi alterado ou está danificado: contacte o seu administrador.</translation>
    </message>
    <message>
        <source>Screening is out of service: the model keeps failing. Screen travellers by hand and call your administrator.</source>
        <translation>A triagem está fora de serviço: o modelo continua a falhar. Examine os viajantes manualmente e chame o seu administrador.</translation>
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
        <source> Saving the case on this station…</source>
        <translation> A guardar o caso neste posto…</translation>
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
        <source>Camera {fps:.1f} fps · shown {shown:.1f}</source>
        <translation>Câmara {fps:.1f} fps · mostradas {shown:.1f}</translation>
    </message>
    <message>
        <source>Camera none</source>
        <translation>Câmara: nenhuma</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Mpox screening station: cannot start</source>
        <translation>Posto de rastreio de mpox: não é possível iniciar</translation>
    </message>
    <message>
        <source>The station cannot start. Call your administrator.</source>
        <translation>O posto não pode iniciar. Contacte o seu administrador.</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <source>flag rate outside its usual range</source>
        <translation>taxa de alertas fora da faixa habitual</translation>
    </message>
    <message>
        <source>flag rate unlike the other stations</source>
        <translation>taxa de alertas diferente dos outros postos</translation>
    </message>
    <message>
        <source>runs a model the other stations do not</source>
        <translation>usa um modelo que os outros postos não usam</translation>
    </message>
    <message>
        <source>camera starting</source>
        <translation>câmera iniciando</translation>
    </message>
    <message>
        <source>camera live</source>
        <translation>câmera ativa</translation>
    </message>
    <message>
        <source>camera lost</source>
        <translation>câmera perdida</translation>
    </message>
    <message>
        <source>camera stopped</source>
        <translation>câmera parada</translation>
    </message>
    <message>
        <source>station closed</source>
        <translation>posto fechado</translation>
    </message>
    <message>
        <source>model unavailable</source>
        <translation>modelo indisponível</translation>
    </message>
    <message>
        <source>{rate} ({flags} of {screened})</source>
        <translation>{rate} ({flags} de {screened})</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Posto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Look at it because</source>
        <translation>Verificar porque</translation>
    </message>
    <message>
        <source>Flag rate, 24 h</source>
        <translation>Taxa de alertas, 24 h</translation>
    </message>
    <message>
        <source>Its past 14 days</source>
        <translation>Seus últimos 14 dias</translation>
    </message>
    <message>
        <source>All stations (median)</source>
        <translation>Todos os postos (mediana)</translation>
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
        <translation>Visto pela última vez</translation>
    </message>
    <message>
        <source>Daily flag rate per station</source>
        <translation>Taxa diária de alertas por posto</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Dia (UTC)</translation>
    </message>
    <message>
        <source>Flagged share of screenings</source>
        <translation>Proporção de triagens alertadas</translation>
    </message>
    <message>
        <source>up</source>
        <translation>em serviço</translation>
    </message>
    <message>
        <source>down</source>
        <translation>fora de serviço</translation>
    </message>
    <message>
        <source>not up</source>
        <translation>fora de serviço</translation>
    </message>
    <message>
        <source>never (no heartbeat)</source>
        <translation>nunca (sem sinal)</translation>
    </message>
    <message>
        <source>{up} of {n} stations up; {marked} to look at.</source>
        <translation>{up} de {n} postos em serviço; {marked} para verificar.</translation>
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
