<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminTabs</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Failed log-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Every change is checked by the store and written to the audit log.</source>
        <translation>每项更改都由存储检查并写入审计日志。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>New role for {user}:</source>
        <translation>{user} 的新角色：</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>What it concerns (a user, a case id)</source>
        <translation>涉及对象（用户、病例编号）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>{n} newest entries; `mpox-kiosk verify-audit` checks the whole chain.</source>
        <translation>最新 {n} 条记录；`mpox-kiosk verify-audit` 检查整条链。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>FLAG · suspected {cls}</source>
        <translation>警示 · 疑似{cls}</translation>
    </message>
    <message>
        <source>REVIEW · manual review needed</source>
        <translation>复核 · 需要人工复核</translation>
    </message>
    <message>
        <source>CLEAR · {cls}</source>
        <translation>未见异常 · {cls}</translation>
    </message>
    <message>
        <source>RETAKE · image not usable</source>
        <translation>重拍 · 图像不可用</translation>
    </message>
    <message>
        <source>Ready · press Capture</source>
        <translation>就绪 · 请按“拍摄”</translation>
    </message>
    <message>
        <source>SCREENING UNAVAILABLE</source>
        <translation>筛查不可用</translation>
    </message>
    <message>
        <source>LOGGED OFF · log in to screen</source>
        <translation>已登出 · 请登录后筛查</translation>
    </message>
    <message>
        <source>RETAKE · not a skin close-up</source>
        <translation>重拍 · 不是皮肤特写</translation>
    </message>
    <message>
        <source>REVIEW · condition not recognised</source>
        <translation>复核 · 无法识别的病症</translation>
    </message>
    <message>
        <source>REVIEW · the model failed</source>
        <translation>复核 · 模型出错</translation>
    </message>
    <message>
        <source>Screen this traveller by hand</source>
        <translation>请人工筛查该旅客</translation>
    </message>
    <message>
        <source>Send to secondary screening</source>
        <translation>送往二级筛查</translation>
    </message>
    <message>
        <source>Hold the traveller and ask the duty clinician</source>
        <translation>留住旅客并联系值班临床医生</translation>
    </message>
    <message>
        <source>Let the traveller pass</source>
        <translation>让旅客通过</translation>
    </message>
    <message>
        <source>Take the picture again</source>
        <translation>重新拍摄</translation>
    </message>
    <message>
        <source>Hold the camera steady, closer, in good light</source>
        <translation>稳住摄像头，靠近些，光线要充足</translation>
    </message>
    <message>
        <source>Point the camera at the affected skin</source>
        <translation>将摄像头对准患处皮肤</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>The camera cannot be opened: check that it is plugged in and not used by another program, or choose another camera.</source>
        <translation>无法打开摄像头：请检查摄像头是否已连接、是否被其他程序占用，或选择其他摄像头。</translation>
    </message>
    <message>
        <source>The configured picture source cannot be opened: choose a camera, or call your administrator.</source>
        <translation>无法打开所配置的图像来源：请选择一个摄像头，或联系管理员。</translation>
    </message>
    <message>
        <source>The camera could not be started: choose another camera, or call your administrator.</source>
        <translation>无法启动摄像头：请选择其他摄像头，或联系管理员。</translation>
    </message>
    <message>
        <source>No new picture for {seconds:.1f} s: the camera may be unplugged, used by another program or frozen.</source>
        <translation>已有 {seconds:.1f} 秒没有新画面：摄像头可能已断开、被其他程序占用或画面冻结。</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures (reading failed).</source>
        <translation>摄像头已停止传送画面（读取失败）。</translation>
    </message>
    <message>
        <source>The camera stopped delivering pictures.</source>
        <translation>摄像头已停止传送画面。</translation>
    </message>
    <message>
        <source>The camera delivers pictures of the wrong size or format: choose another camera.</source>
        <translation>摄像头传送的画面尺寸或格式不正确：请选择其他摄像头。</translation>
    </message>
    <message>
        <source>Picture skipped because it could not be read: {file}</source>
        <translation>已跳过一张无法读取的图片：{file}</translation>
    </message>
    <message>
        <source>Trying again in {seconds:.0f} s.</source>
        <translation>{seconds:.0f} 秒后重试。</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>not a source</source>
        <translation>不是有效来源</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Confirm case?</source>
        <translation>确认病例？</translation>
    </message>
    <message>
        <source>confirm it (send the traveller to secondary screening / PCR)</source>
        <translation>确认（将旅客送往二次筛查 / PCR）</translation>
    </message>
    <message>
        <source>Dismiss case?</source>
        <translation>排除病例？</translation>
    </message>
    <message>
        <source>dismiss it as a false alarm</source>
        <translation>作为误报排除</translation>
    </message>
    <message>
        <source>Refer case?</source>
        <translation>转交病例？</translation>
    </message>
    <message>
        <source>refer it to another reviewer or service</source>
        <translation>转交给其他复核人员或部门</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>病例 {case_id}</translation>
    </message>
    <message>
        <source>image purged (retention) or unavailable</source>
        <translation>图像已清除（保留期限）或不可用</translation>
    </message>
    <message>
        <source>no heatmap</source>
        <translation>无热力图</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Note (what was done, why)</source>
        <translation>备注（做了什么，原因）</translation>
    </message>
    <message>
        <source>Turned out to be: choose…</source>
        <translation>最终确认为：请选择…</translation>
    </message>
    <message>
        <source>Which condition (e.g. scabies)</source>
        <translation>哪种疾病（例如疥疮）</translation>
    </message>
    <message>
        <source>&amp;Confirm (send to PCR)</source>
        <translation>确认（送检 PCR）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Dismiss (false alarm)</source>
        <translation>排除（误报）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Refer</source>
        <translation>转交(&amp;R)</translation>
    </message>
    <message>
        <source>Record &amp;label</source>
        <translation>记录诊断(&amp;L)</translation>
    </message>
    <message>
        <source>PCR result: choose…</source>
        <translation>PCR 结果：请选择…</translation>
    </message>
    <message>
        <source>Record &amp;outcome</source>
        <translation>记录结果(&amp;O)</translation>
    </message>
    <message>
        <source>History: {lines}</source>
        <translation>历史：{lines}</translation>
    </message>
    <message>
        <source>not reviewed yet</source>
        <translation>尚未复核</translation>
    </message>
    <message>
        <source>Choose the PCR result first (positive or negative).</source>
        <translation>请先选择 PCR 结果（阳性或阴性）。</translation>
    </message>
    <message>
        <source>Record outcome?</source>
        <translation>记录结果？</translation>
    </message>
    <message>
        <source>record the outcome {outcome}</source>
        <translation>记录结果 {outcome}</translation>
    </message>
    <message>
        <source>Choose what the case turned out to be first.</source>
        <translation>请先选择该病例最终确认为何种情况。</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: write why it changes in the note box, then press Record label again.</source>
        <translation>该病例已有确认诊断：请在备注框中写明更改原因，然后再次点击“记录诊断”。</translation>
    </message>
    <message>
        <source>Record confirmed label?</source>
        <translation>记录确认诊断？</translation>
    </message>
    <message>
        <source>record that it turned out to be: {label}</source>
        <translation>记录其最终确认为：{label}</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note: write why in the note box, then press Dismiss again.</source>
        <translation>排除已确认的病例需要备注：请在备注框中写明原因，然后再次点击“排除”。</translation>
    </message>
    <message>
        <source>This change to a case with the status {status} needs a note: write why in the note box, then try again.</source>
        <translation>更改状态为 {status} 的病例需要备注：请在备注框中写明原因，然后重试。</translation>
    </message>
    <message>
        <source>Case {case_id} ({decision}, {cls}, now {status}): {what}?</source>
        <translation>病例 {case_id}（{decision}，{cls}，当前 {status}）：{what}？</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>No note.</source>
        <translation>无备注。</translation>
    </message>
    <message>
        <source>This is recorded with your name in the audit trail.</source>
        <translation>此操作将以您的名字记入审计记录。</translation>
    </message>
    <message>
        <source>The change could not be saved: the case database did not accept it ({error}). Try again; if it keeps failing, call your administrator.</source>
        <translation>无法保存更改：病例数据库未接受（{error}）。请重试；如仍失败，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>p(mpox)</source>
        <translation>p(mpox)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <source>Traveller ref.</source>
        <translation>旅客编号</translation>
    </message>
    <message>
        <source>images purged</source>
        <translation>图像已清除</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <source>The model&apos;s probability of mpox: a case is flagged when it reaches the flag threshold</source>
        <translation>模型给出的猴痘概率：达到警示阈值时病例即被标记</translation>
    </message>
</context>
<context>
    <name>CaseWording</name>
    <message>
        <source>PCR positive</source>
        <translation>PCR 阳性</translation>
    </message>
    <message>
        <source>PCR negative</source>
        <translation>PCR 阴性</translation>
    </message>
    <message>
        <source>PCR not done</source>
        <translation>未做 PCR</translation>
    </message>
    <message>
        <source>another condition</source>
        <translation>其他疾病</translation>
    </message>
    <message>
        <source>not skin</source>
        <translation>非皮肤</translation>
    </message>
    <message>
        <source>unknown (no diagnosis)</source>
        <translation>未知（无诊断）</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>已转交</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>已转交</translation>
    </message>
    <message>
        <source>recorded the outcome</source>
        <translation>已记录结果</translation>
    </message>
    <message>
        <source>recorded the confirmed label</source>
        <translation>记录了确认诊断</translation>
    </message>
    <message>
        <source>FLAG</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>未见异常</translation>
    </message>
    <message>
        <source>RETAKE</source>
        <translation>重拍</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>值勤人员</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>复核人员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>a flagged class reached the flag threshold</source>
        <translation>某一警示类别达到了警示阈值</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>置信度低</translation>
    </message>
    <message>
        <source>condition not recognised</source>
        <translation>未识别的病症</translation>
    </message>
    <message>
        <source>not a skin close-up</source>
        <translation>不是皮肤特写</translation>
    </message>
    <message>
        <source>doubtful picture</source>
        <translation>图像质量存疑</translation>
    </message>
    <message>
        <source>confident result</source>
        <translation>结果可信</translation>
    </message>
    <message>
        <source>the model failed</source>
        <translation>模型出错</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <source>Burnt-out pixels</source>
        <translation>过曝像素</translation>
    </message>
    <message>
        <source>Skin in view</source>
        <translation>画面中的皮肤</translation>
    </message>
    <message>
        <source>{value} of 255</source>
        <translation>{value} / 255</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>The picture may be used to improve the model (traveller agreed).</source>
        <translation>该图片可用于改进模型（旅客已同意）。</translation>
    </message>
    <message>
        <source>The picture may NOT be used to improve the model.</source>
        <translation>该图片不得用于改进模型。</translation>
    </message>
    <message>
        <source>Notice: not recorded (the station did not ask for the traveller&apos;s agreement)</source>
        <translation>告知：未记录（站点未征求旅客同意）</translation>
    </message>
    <message>
        <source>shown for information (public-health basis)</source>
        <translation>仅作告知（公共卫生依据）</translation>
    </message>
    <message>
        <source>traveller agreed</source>
        <translation>旅客已同意</translation>
    </message>
    <message>
        <source>traveller did not agree</source>
        <translation>旅客未同意</translation>
    </message>
    <message>
        <source>language not recorded</source>
        <translation>语言未记录</translation>
    </message>
    <message>
        <source>Notice: version {version} ({language}), {answer}</source>
        <translation>告知：版本 {version}（{language}），{answer}</translation>
    </message>
    <message>
        <source>Flag threshold ({classes})</source>
        <translation>警示阈值（{classes}）</translation>
    </message>
    <message>
        <source>Review threshold (top probability)</source>
        <translation>复核阈值（最高概率）</translation>
    </message>
    <message>
        <source>Condition-not-recognised threshold (open-set score)</source>
        <translation>未识别病症阈值（开放集得分）</translation>
    </message>
    <message>
        <source>Not-skin threshold (open-set score)</source>
        <translation>非皮肤阈值（开放集得分）</translation>
    </message>
</context>
<context>
    <name>CaseWriter</name>
    <message>
        <source>Database busy: cases are kept on this computer and saved when it frees ({n} waiting)</source>
        <translation>数据库繁忙：病例暂存在本机，数据库空闲后保存（{n} 条等待中）</translation>
    </message>
    <message>
        <source>Database unreachable: cases are kept on this computer and saved when it is back ({n} waiting)</source>
        <translation>无法连接数据库：病例暂存在本机，连接恢复后保存（{n} 条等待中）</translation>
    </message>
    <message>
        <source>Database cannot write (disk full or read-only): cases are kept on this computer ({n} waiting)</source>
        <translation>数据库无法写入（磁盘已满或只读）：病例暂存在本机（{n} 条等待中）</translation>
    </message>
    <message>
        <source>A case could not be saved to the database and was set aside on this computer: call your administrator ({n} waiting)</source>
        <translation>有一个病例无法保存到数据库，已暂存在本机：请联系管理员（{n} 个等待中）</translation>
    </message>
    <message>
        <source>Database error: cases are kept on this computer ({n} waiting); see the log</source>
        <translation>数据库错误：病例暂存在本机（{n} 条等待中）；请查看日志</translation>
    </message>
    <message>
        <source>Database OK: {written} saved, {n} waiting</source>
        <translation>数据库正常：已保存 {written}，等待 {n}</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>Mpox (monkeypox)</source>
        <translation>猴痘 (mpox)</translation>
    </message>
    <message>
        <source>Mpox</source>
        <translation>猴痘</translation>
    </message>
    <message>
        <source>Chickenpox</source>
        <translation>水痘</translation>
    </message>
    <message>
        <source>Measles</source>
        <translation>麻疹</translation>
    </message>
    <message>
        <source>Normal skin</source>
        <translation>正常皮肤</translation>
    </message>
    <message>
        <source>Eczema</source>
        <translation>湿疹</translation>
    </message>
    <message>
        <source>Urticaria (hives)</source>
        <translation>荨麻疹（风团）</translation>
    </message>
    <message>
        <source>Urticaria</source>
        <translation>荨麻疹</translation>
    </message>
    <message>
        <source>Bullous disease</source>
        <translation>大疱性疾病</translation>
    </message>
    <message>
        <source>Vasculitis</source>
        <translation>血管炎</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Technical detail (for the administrator): {detail}</source>
        <translation>技术详情（供管理员参考）：{detail}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Flags per hour</source>
        <translation>每小时警示数</translation>
    </message>
    <message>
        <source>Flags per day</source>
        <translation>每日警示数</translation>
    </message>
    <message>
        <source>Decision mix</source>
        <translation>判定分布</translation>
    </message>
    <message>
        <source>Predicted class (stored cases)</source>
        <translation>预测类别（已保存病例）</translation>
    </message>
    <message>
        <source>Top probability per predicted class</source>
        <translation>各预测类别的最高概率</translation>
    </message>
    <message>
        <source>Hour (station time)</source>
        <translation>小时（站点时间）</translation>
    </message>
    <message>
        <source>Flagged cases</source>
        <translation>警示病例</translation>
    </message>
    <message>
        <source>Day (station time)</source>
        <translation>日期（站点时间）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>病例数</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Top probability</source>
        <translation>最高概率</translation>
    </message>
    <message>
        <source>On confirmed cases: PPV and mpox recall of flags, per week</source>
        <translation>已确认病例：每周标记的阳性预测值和 mpox 召回率</translation>
    </message>
    <message>
        <source>Week (station time)</source>
        <translation>周（站点时间）</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>On confirmed cases: no confirmed labels recorded yet.</source>
        <translation>已确认病例：尚未记录任何确认诊断。</translation>
    </message>
    <message>
        <source>PPV</source>
        <translation>阳性预测值</translation>
    </message>
    <message>
        <source>mpox recall</source>
        <translation>mpox 召回率</translation>
    </message>
    <message>
        <source>On {n} confirmed cases: PPV of flags {ppv} ({both} mpox of {flagged} flagged), mpox recall {recall} ({both} flagged of {mpox} mpox; logged cases only).</source>
        <translation>在 {n} 个已确认病例中：标记的阳性预测值 {ppv}（{flagged} 个标记中 {both} 个为 mpox），mpox 召回率 {recall}（{mpox} 个 mpox 中 {both} 个被标记；仅限已记录病例）。</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: no PCR outcomes recorded yet.</source>
        <translation>警示的阳性预测值：尚未记录任何 PCR 结果。</translation>
    </message>
    <message>
        <source>Positive predictive value of flags: {ppv} ({positive} PCR positive of {flagged} flagged cases with an outcome).</source>
        <translation>警示的阳性预测值：{ppv}（在 {flagged} 例有结果的警示病例中，{positive} 例 PCR 阳性）。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write the export {path}: {error}; choose another folder</source>
        <translation>无法写入导出文件 {path}：{error}；请选择其他文件夹</translation>
    </message>
    <message>
        <source>open-set score {score}</source>
        <translation>开放集得分 {score}</translation>
    </message>
    <message>
        <source>Images purged {date} (retention)</source>
        <translation>图像已于 {date} 清除（保留期限）</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Predicted {cls} {p}</source>
        <translation>预测 {cls} {p}</translation>
    </message>
    <message>
        <source>Review: {status}</source>
        <translation>复核：{status}</translation>
    </message>
    <message>
        <source>Confirmed: {label}</source>
        <translation>确认：{label}</translation>
    </message>
    <message>
        <source>Case {case_id} · {time} · station {station} · operator {operator} · traveller ref. {ref}</source>
        <translation>病例 {case_id} · {time} · 站点 {station} · 操作员 {operator} · 旅客编号 {ref}</translation>
    </message>
    <message>
        <source>Model {name} ({sha})</source>
        <translation>模型 {name}（{sha}）</translation>
    </message>
    <message>
        <source>Thresholds: {lines}</source>
        <translation>阈值：{lines}</translation>
    </message>
    <message>
        <source>Picture quality: {lines}</source>
        <translation>图像质量：{lines}</translation>
    </message>
    <message>
        <source>Mpox screening: case report</source>
        <translation>猴痘筛查：病例报告</translation>
    </message>
    <message>
        <source>{n} case(s), exported {time} (station time) by {user}. A screening aid, not a diagnosis.</source>
        <translation>{n} 例，由 {user} 于 {time}（站点时间）导出。仅为筛查辅助，并非诊断。</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>未复核</translation>
    </message>
    <message>
        <source>Case {case_id}</source>
        <translation>病例 {case_id}</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>历史：</translation>
    </message>
    <message>
        <source>cannot write the PDF report {path}; check the folder is writable</source>
        <translation>无法写入 PDF 报告 {path}；请检查该文件夹是否可写</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Mpox screening case report · exported {time} by {user} · confidential</source>
        <translation>猴痘筛查病例报告 · 由 {user} 于 {time} 导出 · 机密</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>The case database is busy (locked by another program): wait a moment and try again.</source>
        <translation>病例数据库繁忙（被其他程序锁定）：请稍候再试。</translation>
    </message>
    <message>
        <source>The case database cannot be reached: try again in a moment, or call your administrator.</source>
        <translation>无法连接病例数据库：请稍后再试，或联系管理员。</translation>
    </message>
    <message>
        <source>The case database cannot write (disk full or read-only): call your administrator.</source>
        <translation>病例数据库无法写入（磁盘已满或为只读）：请联系管理员。</translation>
    </message>
    <message>
        <source>The case database refused the request: try again, or call your administrator.</source>
        <translation>病例数据库拒绝了请求：请重试，或联系管理员。</translation>
    </message>
    <message>
        <source>The station refused this. Call your administrator if it persists.</source>
        <translation>筛查站拒绝了此操作。如问题持续，请联系管理员。</translation>
    </message>
    <message>
        <source>The user name must be 1 to 64 characters long.</source>
        <translation>用户名长度必须为 1 到 64 个字符。</translation>
    </message>
    <message>
        <source>The password is too short: use at least {n} characters.</source>
        <translation>密码太短：请至少使用 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>创建管理员账户</translation>
    </message>
    <message>
        <source>First start: there are no accounts yet. Create the administrator account (password of at least {n} characters; there is no default password).</source>
        <translation>首次启动：尚无任何账户。请创建管理员账户（密码至少 {n} 个字符；没有默认密码）。</translation>
    </message>
    <message>
        <source>The two passwords differ: type the password twice the same way.</source>
        <translation>两次输入的密码不一致：请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log in to the screening station.</source>
        <translation>登录筛查站。</translation>
    </message>
    <message>
        <source>Type your user name first.</source>
        <translation>请先输入用户名。</translation>
    </message>
    <message>
        <source>wrong user name or password, or the account is locked after repeated failed log-ins: try again later or ask an admin</source>
        <translation>用户名或密码错误，或账户因多次登录失败已被锁定：请稍后再试或联系管理员</translation>
    </message>
</context>
<context>
    <name>LostPanel</name>
    <message>
        <source>Camera lost</source>
        <translation>摄像头丢失</translation>
    </message>
    <message>
        <source>What to do: check the camera&apos;s cable and that no other program uses it, or choose another camera. Screening resumes by itself when the picture returns.</source>
        <translation>处理方法：检查摄像头线缆，并确认没有其他程序在使用它，或选择其他摄像头。画面恢复后筛查会自动继续。</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>no skin in view: point the camera at the rash</source>
        <translation>画面中没有皮肤：请将摄像头对准皮疹</translation>
    </message>
    <message>
        <source>too dark: add light or move closer to the lamp</source>
        <translation>太暗：请增加光线或靠近灯光</translation>
    </message>
    <message>
        <source>too bright: reduce glare or move away from direct light</source>
        <translation>太亮：请减少反光或避开直射光</translation>
    </message>
    <message>
        <source>rather dark</source>
        <translation>偏暗</translation>
    </message>
    <message>
        <source>too blurred: hold still and let the camera focus</source>
        <translation>太模糊：请保持不动，让摄像头对焦</translation>
    </message>
    <message>
        <source>slightly blurred</source>
        <translation>略有模糊</translation>
    </message>
    <message>
        <source>little skin in view</source>
        <translation>画面中皮肤较少</translation>
    </message>
    <message>
        <source>{cls} probability {p:.2f} is at or above the flag threshold {flag:.2f}</source>
        <translation>{cls}概率 {p:.2f} 达到或超过警示阈值 {flag:.2f}</translation>
    </message>
    <message>
        <source>This rash does not look like any condition the model knows (mpox and seven look-alikes): a person must look</source>
        <translation>该皮疹与模型已知的任何病症（猴痘及七种相似病症）都不相符：需要人工查看</translation>
    </message>
    <message>
        <source>open-set score {score:.2f}, threshold {threshold:.2f}</source>
        <translation>未知病症评分 {score:.2f}，阈值 {threshold:.2f}</translation>
    </message>
    <message>
        <source>top probability {p:.2f} is below the review threshold {review:.2f}</source>
        <translation>最高概率 {p:.2f} 低于复核阈值 {review:.2f}</translation>
    </message>
    <message>
        <source>no flagged class reached {flag:.2f}; top class {cls} at {p:.2f}</source>
        <translation>没有受监测的类别达到 {flag:.2f}；最可能的类别为{cls}，概率 {p:.2f}</translation>
    </message>
    <message>
        <source>image quality doubtful ({quality}); {reason}</source>
        <translation>图像质量存疑（{quality}）；{reason}</translation>
    </message>
    <message>
        <source>this does not look like a skin close-up; point the camera at the affected skin</source>
        <translation>这看起来不是皮肤特写；请将摄像头对准患处皮肤</translation>
    </message>
    <message>
        <source>the model gave no usable result for this picture; a person must screen the traveller</source>
        <translation>模型对此图片没有给出可用结果；必须由人工筛查该旅客</translation>
    </message>
</context>
<context>
    <name>ReferralSlip</name>
    <message>
        <source>Referral to secondary screening</source>
        <translation>转介二次筛查</translation>
    </message>
    <message>
        <source>Secondary-screening desk: examine the affected skin; the clinician decides. This result is a screening aid, not a diagnosis.</source>
        <translation>二次筛查台：检查患处皮肤；由临床医生作出判断。此结果仅为筛查辅助，并非诊断。</translation>
    </message>
    <message>
        <source>The case id above (also in the QR code) is this case&apos;s name in the station&apos;s case log and in the review window&apos;s case details: quote it when you report the outcome.</source>
        <translation>上方的病例编号（二维码中也有）是此病例在站点病例记录和复核窗口病例详情中的名称：报告结果时请注明。</translation>
    </message>
    <message>
        <source>This slip holds health information about the traveller: keep it with their file, never in public view, and shred it when it is no longer needed.</source>
        <translation>此转介单含有旅客的健康信息：请随其档案保存，切勿公开放置，不再需要时予以粉碎。</translation>
    </message>
    <message>
        <source>Take the traveller, with this slip, to the secondary-screening desk. Follow the site&apos;s infection-control procedure for a suspected infectious rash.</source>
        <translation>请携此转介单将旅客带到二次筛查台。按本场所疑似传染性皮疹的感染控制程序处理。</translation>
    </message>
    <message>
        <source>{action}; give this slip to the clinician who sees the traveller.</source>
        <translation>{action}；将此转介单交给接诊该旅客的临床医生。</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>猴痘筛查站</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>QR code: case id</source>
        <translation>二维码：病例编号</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Top 3 classes (model probability)</source>
        <translation>前 3 个类别（模型概率）</translation>
    </message>
    <message>
        <source>None: the rash does not look like any condition the model knows.</source>
        <translation>无：该皮疹与模型已知的任何病症都不相符。</translation>
    </message>
    <message>
        <source>Screened picture</source>
        <translation>筛查图像</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls}</source>
        <translation>热力图：模型寻找{cls}特征的区域</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The referral slip could not be saved in {folder} ({why}). Ask the station&apos;s administrator to make that folder writable, or to set [referral] folder in the configuration; until then, write case id {case_id} on a paper slip for the desk</source>
        <translation>无法将转介单保存到 {folder}（{why}）。请站点管理员使该文件夹可写，或在配置中设置 [referral] folder；在此之前，请将病例编号 {case_id} 写在纸质转介单上交给筛查台</translation>
    </message>
    <message>
        <source>{title}: case {case_id}</source>
        <translation>{title}：病例 {case_id}</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <source>writing the file failed; the disk may be full</source>
        <translation>写入文件失败；磁盘可能已满</translation>
    </message>
    <message>
        <source>printer {printer} was not found; check [referral] printer in the configuration (the system&apos;s printers: lpstat -p), or print the saved PDF</source>
        <translation>未找到打印机 {printer}；请检查配置中的 [referral] printer（系统打印机：lpstat -p），或打印已保存的 PDF</translation>
    </message>
    <message>
        <source>printer {printer} did not accept the slip; print the saved PDF</source>
        <translation>打印机 {printer} 未接受转介单；请打印已保存的 PDF</translation>
    </message>
    <message>
        <source>Referral slip saved: {path}</source>
        <translation>转介单已保存：{path}</translation>
    </message>
    <message>
        <source>sent to printer {printer}</source>
        <translation>已发送到打印机 {printer}</translation>
    </message>
    <message>
        <source>not printed: {error}</source>
        <translation>未打印：{error}</translation>
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <source>This case is no longer in the case database (an admin deleted it). Refresh the list (F5).</source>
        <translation>此病例已不在病例数据库中（已被管理员删除）。请刷新列表（F5）。</translation>
    </message>
    <message>
        <source>Your account may not do this. Log in with an account that may (a reviewer, or an admin), or ask an admin.</source>
        <translation>您的账户无权执行此操作。请以有权限的账户（复核人员或管理员）登录，或联系管理员。</translation>
    </message>
    <message>
        <source>The picture&apos;s file is missing (removed after its retention period, or deleted).</source>
        <translation>图像文件不存在（保留期限到期后已清除，或已被删除）。</translation>
    </message>
    <message>
        <source>The picture cannot be shown: its file is damaged or was altered. Call your administrator.</source>
        <translation>无法显示图像：其文件已损坏或被篡改。请联系管理员。</translation>
    </message>
    <message>
        <source>The pictures cannot be shown: the station&apos;s key file is unusable. Call your administrator.</source>
        <translation>无法显示图像：本站的密钥文件不可用。请联系管理员。</translation>
    </message>
    <message>
        <source>The case database could not do this. Try again; if it keeps failing, call your administrator.</source>
        <translation>病例数据库无法完成此操作。请重试；如仍失败，请联系管理员。</translation>
    </message>
</context>
<context>
    <name>ReviewRules</name>
    <message>
        <source>The note is {length} characters long; keep it under {most}.</source>
        <translation>备注长度为 {length} 个字符；请控制在 {most} 个以内。</translation>
    </message>
    <message>
        <source>This case has a PCR outcome ({outcome}): its review status can no longer be changed (it stays {status}).</source>
        <translation>此病例已有 PCR 结果（{outcome}）：其复核状态不能再更改（保持为“{status}”）。</translation>
    </message>
    <message>
        <source>This case is already {status}.</source>
        <translation>此病例的状态已经是“{status}”。</translation>
    </message>
    <message>
        <source>A {status} case cannot be changed with &apos;{action}&apos;.</source>
        <translation>状态为“{status}”的病例不能通过“{action}”更改。</translation>
    </message>
    <message>
        <source>Dismissing a confirmed case needs a note saying why.</source>
        <translation>排除已确认的病例需要填写备注说明原因。</translation>
    </message>
    <message>
        <source>Reopening a {status} case needs a note saying why.</source>
        <translation>重新打开状态为“{status}”的病例需要填写备注说明原因。</translation>
    </message>
    <message>
        <source>This case was dismissed: reopen it (confirm or refer it, with a note) before recording a PCR outcome.</source>
        <translation>此病例已被排除：请先重新打开（附备注确认或转交）后再记录 PCR 结果。</translation>
    </message>
    <message>
        <source>A PCR outcome is recorded on a confirmed or referred case only; this case is {status}: confirm or refer it first.</source>
        <translation>只能为已确认或已转交的病例记录 PCR 结果；此病例的状态为“{status}”：请先确认或转交。</translation>
    </message>
    <message>
        <source>This case already has this PCR outcome ({outcome}).</source>
        <translation>此病例已有该 PCR 结果（{outcome}）。</translation>
    </message>
    <message>
        <source>This case already has a PCR outcome ({outcome}): changing it needs a note saying why (e.g. the laboratory corrected its result).</source>
        <translation>此病例已有 PCR 结果（{outcome}）：更改需要填写备注说明原因（例如实验室更正了结果）。</translation>
    </message>
    <message>
        <source>Write which condition it turned out to be (e.g. scabies).</source>
        <translation>请写明最终确认为哪种疾病（例如疥疮）。</translation>
    </message>
    <message>
        <source>The condition&apos;s name is {length} characters long; keep it under {most}.</source>
        <translation>疾病名称长 {length} 个字符；请保持在 {most} 以内。</translation>
    </message>
    <message>
        <source>This case already has this confirmed label.</source>
        <translation>该病例已有此确认诊断。</translation>
    </message>
    <message>
        <source>This case already has a confirmed label: changing it needs a note saying why.</source>
        <translation>该病例已有确认诊断：更改需要填写说明原因的备注。</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Reviewing cases needs a reviewer or admin login.</source>
        <translation>复核病例需要以复核人员或管理员身份登录。</translation>
    </message>
    <message>
        <source>Case review · {user} ({role})</source>
        <translation>病例复核 · {user}（{role}）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>全部判定</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <source>Any review status</source>
        <translation>任意复核状态</translation>
    </message>
    <message>
        <source>Search traveller ref. or case id</source>
        <translation>搜索旅客编号或病例编号</translation>
    </message>
    <message>
        <source>A whole traveller reference (any case or spacing), or the start of a case id (as on the referral slip); Enter</source>
        <translation>完整的旅客参考号（不区分大小写和空格），或病例编号的开头（与转介单上相同）；按 Enter</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>病例(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>打开病例(&amp;O)</translation>
    </message>
    <message>
        <source>Export selected to &amp;CSV…</source>
        <translation>将所选导出为 CSV…(&amp;C)</translation>
    </message>
    <message>
        <source>Export selected to &amp;PDF…</source>
        <translation>将所选导出为 PDF…(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Verify audit trail</source>
        <translation>验证审计记录(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Log off</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <source>Reading the cases from the database…</source>
        <translation>正在从数据库读取病例…</translation>
    </message>
    <message>
        <source>{total} case(s) match · {loaded} loaded</source>
        <translation>{total} 例符合 · 已加载 {loaded} 例</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>Export the selected cases to folder</source>
        <translation>将所选病例导出到文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Select the cases to export first (Ctrl+A selects all loaded).</source>
        <translation>请先选择要导出的病例（Ctrl+A 选择全部已加载病例）。</translation>
    </message>
    <message>
        <source>Exported {n} case(s) to {path} (readable by you only)</source>
        <translation>已将 {n} 例导出到 {path}（仅您可读取）</translation>
    </message>
    <message>
        <source>Audit trail intact: {entries} entries.</source>
        <translation>审计记录完整：{entries} 条。</translation>
    </message>
    <message>
        <source>Audit trail TAMPERED:</source>
        <translation>审计记录已被篡改：</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Case review</source>
        <translation>病例复核</translation>
    </message>
    <message>
        <source>You are logged in as {user} ({role}).</source>
        <translation>您当前以 {user}（{role}）身份登录。</translation>
    </message>
    <message>
        <source>Nobody is logged in.</source>
        <translation>当前无人登录。</translation>
    </message>
    <message>
        <source>Log off and log in with a reviewer or admin account, or ask an admin.</source>
        <translation>请注销后以复核人员或管理员账户登录，或联系管理员。</translation>
    </message>
    <message>
        <source>The refusal could not be written to the audit trail.</source>
        <translation>无法将此次拒绝写入审计记录。</translation>
    </message>
</context>
<context>
    <name>ScreeningWindow</name>
    <message>
        <source>Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller to secondary screening.</source>
        <translation>筛查辅助工具，并非诊断：由检疫人员决定。如有疑问，请将旅客转至二级筛查。</translation>
    </message>
    <message>
        <source>CAMERA LOST · no live picture</source>
        <translation>摄像头丢失 · 无实时画面</translation>
    </message>
    <message>
        <source>Check the cable or choose another camera [Ctrl+K]</source>
        <translation>检查线缆或选择其他摄像头 [Ctrl+K]</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>正在等待摄像头…</translation>
    </message>
    <message>
        <source>Screening is unavailable: the model could not be loaded. Call your administrator.</source>
        <translation>筛查不可用：无法加载模型。请联系管理员。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>unavailable: cases are NOT saved. Call your administrator</source>
        <translation>不可用：病例不会被保存。请联系管理员</translation>
    </message>
    <message>
        <source>The camera delivers no picture.</source>
        <translation>摄像头没有传送画面。</translation>
    </message>
    <message>
        <source>Picture may improve the model  [T]</source>
        <translation>图片可用于改进模型  [T]</translation>
    </message>
    <message>
        <source>Traveller reference for the next capture (optional): document number or note — Ctrl+L</source>
        <translation>下一次拍摄的旅客参考号（可选）：证件号码或备注 — Ctrl+L</translation>
    </message>
    <message>
        <source>Mpox screening station</source>
        <translation>猴痘筛查站</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Choose the camera (Ctrl+K): the cameras found, and the configured source</source>
        <translation>选择摄像头 (Ctrl+K)：已找到的摄像头和已配置的来源</translation>
    </message>
    <message>
        <source>Log off</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>End your session (Ctrl+Shift+L): the screen is cleared and the login comes back</source>
        <translation>结束您的会话 (Ctrl+Shift+L)：屏幕将被清空并返回登录界面</translation>
    </message>
    <message>
        <source>Capture  [Space]</source>
        <translation>拍摄  [Space]</translation>
    </message>
    <message>
        <source>Automatic  [A]</source>
        <translation>自动  [A]</translation>
    </message>
    <message>
        <source>Review cases  [Ctrl+R]</source>
        <translation>复核病例  [Ctrl+R]</translation>
    </message>
    <message>
        <source>Referral slip  [P]</source>
        <translation>转诊单  [P]</translation>
    </message>
    <message>
        <source>Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer is configured: FLAG and REVIEW results saved as a case [P]</source>
        <translation>保存转诊单 (PDF) 供二级筛查台使用，配置了打印机时同时打印：适用于已保存为病例的警示和复核结果 [P]</translation>
    </message>
    <message>
        <source>The screened image and its heatmap appear here</source>
        <translation>筛查的图像及其热力图显示在此处</translation>
    </message>
    <message>
        <source>Heatmap [H]</source>
        <translation>热力图 [H]</translation>
    </message>
    <message>
        <source>Heatmap opacity ( - / + )</source>
        <translation>热力图不透明度 ( - / + )</translation>
    </message>
    <message>
        <source>Opacity [-/+]</source>
        <translation>不透明度 [-/+]</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>Model: none</source>
        <translation>模型：无</translation>
    </message>
    <message>
        <source>Inference —</source>
        <translation>推理 —</translation>
    </message>
    <message>
        <source>Camera —</source>
        <translation>摄像头 —</translation>
    </message>
    <message>
        <source>Dropped {n}</source>
        <translation>丢帧 {n}</translation>
    </message>
    <message>
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it only a FLAG is saved, without picture or reference. It resets for the next traveller.</source>
        <translation>旅客阅读并同意隐私声明后按下 [C]。否则只保存警示结果，不含图片和参考号。下一位旅客时会重置。</translation>
    </message>
    <message>
        <source>Ask the traveller whether their picture may be kept to improve the screening model; press only if they say yes [T]. It resets for the next traveller.</source>
        <translation>询问旅客其图片是否可保留用于改进筛查模型；仅在旅客同意时按下 [T]。下一位旅客时会重置。</translation>
    </message>
    <message>
        <source>The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>实时画面仍可使用；配置模型并重启筛查站后即可开始筛查。</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it only a FLAG is saved, without picture or reference.</source>
        <translation>向旅客出示隐私声明，旅客同意后按 [C]；否则只保存警示结果，不含图片和参考号。</translation>
    </message>
    <message>
        <source> Case saved without picture or reference: the traveller did not agree to the notice.</source>
        <translation> 病例已保存，但不含图片和参考号：旅客不同意该声明。</translation>
    </message>
    <message>
        <source> The case was NOT saved: call your administrator if it persists.</source>
        <translation> 病例未保存：如问题持续，请联系管理员。</translation>
    </message>
    <message>
        <source> The database refused this case: it is set aside on this station; call your admin.</source>
        <translation> 数据库拒绝了此病例：它已在本工作站另行保存；请联系管理员。</translation>
    </message>
    <message>
        <source> Case kept on this station: it goes into the database as soon as the database answers.</source>
        <translation> 病例已保存在本工作站：数据库一有响应即写入数据库。</translation>
    </message>
    <message>
        <source>Screening this picture failed. Try again; if it persists, restart the station.</source>
        <translation>此画面筛查失败。请重试；如问题持续，请重启筛查站。</translation>
    </message>
    <message>
        <source>Database: {state}</source>
        <translation>数据库：{state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>旅客语言</translation>
    </message>
    <message>
        <source>The screening model was changed or damaged: call your administrator.</source>
        <translation>筛查模型已被更改或损坏：请联系管理员。</translation>
    </message>
    <message>
        <source>Screening is out of service: the model keeps failing. Screen travellers by hand and call your administrator.</source>
        <translation>筛查已停止服务：模型反复出错。请人工筛查旅客并联系管理员。</translation>
    </message>
    <message>
        <source>The language of the traveller&apos;s panel and privacy notice (the station keeps its own)</source>
        <translation>旅客面板和隐私告知的语言（本站界面语言不变）</translation>
    </message>
    <message>
        <source>Traveller agreed to the notice  [C]</source>
        <translation>旅客已同意告知  [C]</translation>
    </message>
    <message>
        <source>No login (demo mode)</source>
        <translation>无需登录（演示模式）</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <source>Logged in: {name}</source>
        <translation>已登录：{name}</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <source>No live picture to screen: wait for the camera.</source>
        <translation>没有可筛查的实时画面：请等待摄像头。</translation>
    </message>
    <message>
        <source>Wait for the live picture</source>
        <translation>等待实时画面</translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation>正在筛查…</translation>
    </message>
    <message>
        <source>Not found now: it is kept in the list because it is configured or in use</source>
        <translation>当前未找到：因已配置或正在使用而保留在列表中</translation>
    </message>
    <message>
        <source>Log in to screen travellers.</source>
        <translation>请登录以筛查旅客。</translation>
    </message>
    <message>
        <source>Point the camera at the rash, then press Capture or turn on Automatic.</source>
        <translation>将摄像头对准皮疹，然后按“拍摄”或开启“自动”。</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} was not saved: type it again with the new picture.</source>
        <translation> 旅客参考号 {ref} 未保存：请在拍摄新照片时重新输入。</translation>
    </message>
    <message>
        <source>{time} · {reason}.{note}</source>
        <translation>{time} · {reason}。{note}</translation>
    </message>
    <message>
        <source>mean of {n} frames</source>
        <translation>{n} 帧的平均值</translation>
    </message>
    <message>
        <source>captured frame</source>
        <translation>拍摄的画面</translation>
    </message>
    <message>
        <source> Saving the case on this station…</source>
        <translation> 正在本工作站保存病例…</translation>
    </message>
    <message>
        <source> Case saved with traveller ref. {ref}.</source>
        <translation> 病例已保存，旅客参考号 {ref}。</translation>
    </message>
    <message>
        <source> Case saved.</source>
        <translation> 病例已保存。</translation>
    </message>
    <message>
        <source> Nothing saved: the traveller did not agree to the notice (no case, no picture).</source>
        <translation> 未保存任何内容：旅客未同意告知（无病例，无照片）。</translation>
    </message>
    <message>
        <source> Traveller ref. {ref} not saved (no case is kept for this result).</source>
        <translation> 旅客参考号 {ref} 未保存（此结果不保留病例）。</translation>
    </message>
    <message>
        <source>{time} · {reason} ({how}).{saved}</source>
        <translation>{time} · {reason}（{how}）。{saved}</translation>
    </message>
    <message>
        <source>Inference {infer:.0f} ms +heatmap {cam:.0f} ms</source>
        <translation>推理 {infer:.0f} ms +热力图 {cam:.0f} ms</translation>
    </message>
    <message>
        <source>SCREENING ERROR</source>
        <translation>筛查出错</translation>
    </message>
    <message>
        <source>Capture again</source>
        <translation>重新拍摄</translation>
    </message>
    <message>
        <source>Screened picture (no heatmap: this result names no condition)</source>
        <translation>筛查的图像（无热力图：此结果未指出任何病症）</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked for {cls} · dashed square: what the model saw</source>
        <translation>热力图：模型寻找{cls}的位置 · 虚线方框：模型看到的范围</translation>
    </message>
    <message>
        <source>Heatmap: where the model looked · dashed square: what the model saw</source>
        <translation>热力图：模型关注的位置 · 虚线方框：模型看到的范围</translation>
    </message>
    <message>
        <source>Screened picture (heatmap off [H]) · dashed square: what the model saw</source>
        <translation>筛查的图像（热力图已关闭 [H]） · 虚线方框：模型看到的范围</translation>
    </message>
    <message>
        <source>No live picture since {time}; the station keeps trying the camera.</source>
        <translation>自 {time} 起无实时画面；筛查站正在持续尝试连接摄像头。</translation>
    </message>
    <message>
        <source>Camera {fps:.1f} fps · shown {shown:.1f}</source>
        <translation>摄像头 {fps:.1f} fps · 显示 {shown:.1f}</translation>
    </message>
    <message>
        <source>Camera none</source>
        <translation>摄像头：无</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Mpox screening station: cannot start</source>
        <translation>猴痘筛查站：无法启动</translation>
    </message>
    <message>
        <source>The station cannot start. Call your administrator.</source>
        <translation>筛查站无法启动。请联系管理员。</translation>
    </message>
</context>
<context>
    <name>Stations</name>
    <message>
        <source>flag rate outside its usual range</source>
        <translation>标记率超出其通常范围</translation>
    </message>
    <message>
        <source>flag rate unlike the other stations</source>
        <translation>标记率与其他站点不同</translation>
    </message>
    <message>
        <source>runs a model the other stations do not</source>
        <translation>运行其他站点未使用的模型</translation>
    </message>
    <message>
        <source>camera starting</source>
        <translation>摄像头启动中</translation>
    </message>
    <message>
        <source>camera live</source>
        <translation>摄像头正常</translation>
    </message>
    <message>
        <source>camera lost</source>
        <translation>摄像头丢失</translation>
    </message>
    <message>
        <source>camera stopped</source>
        <translation>摄像头已停止</translation>
    </message>
    <message>
        <source>station closed</source>
        <translation>站点已关闭</translation>
    </message>
    <message>
        <source>model unavailable</source>
        <translation>模型不可用</translation>
    </message>
    <message>
        <source>{rate} ({flags} of {screened})</source>
        <translation>{rate}（{screened} 中 {flags}）</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Look at it because</source>
        <translation>需关注原因</translation>
    </message>
    <message>
        <source>Flag rate, 24 h</source>
        <translation>标记率，24 小时</translation>
    </message>
    <message>
        <source>Its past 14 days</source>
        <translation>其过去 14 天</translation>
    </message>
    <message>
        <source>All stations (median)</source>
        <translation>所有站点（中位数）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <source>Daily flag rate per station</source>
        <translation>各站点每日标记率</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <source>Flagged share of screenings</source>
        <translation>被标记的筛查比例</translation>
    </message>
    <message>
        <source>up</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>down</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>not up</source>
        <translation>不在线</translation>
    </message>
    <message>
        <source>never (no heartbeat)</source>
        <translation>从未（无心跳）</translation>
    </message>
    <message>
        <source>{up} of {n} stations up; {marked} to look at.</source>
        <translation>{n} 个站点中 {up} 个在线；{marked} 个需关注。</translation>
    </message>
</context>
<context>
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>警示 {threshold:.2f}</translation>
    </message>
</context>
</TS>
