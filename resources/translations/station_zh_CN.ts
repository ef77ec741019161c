<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Database: {state}</source>
        <translation>数据库：{state}</translation>
    </message>
    <message>
        <source>Traveller&apos;s language</source>
        <translation>旅客语言</translation>
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
        <source>Press when the traveller has read the privacy notice and agrees [C]. Without it the result is shown but nothing is saved. It resets for the next traveller.</source>
        <translation>旅客阅读并同意隐私告知后按下 [C]。未同意时会显示结果，但不保存任何内容。下一位旅客时自动重置。</translation>
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
        <source>{problem}. The live view still works; screening starts once a model is configured and the station restarted.</source>
        <translation>{problem}。实时画面仍可使用；配置模型并重启筛查站后即可开始筛查。</translation>
    </message>
    <message>
        <source>Show the traveller the privacy notice and press [C] when they agree; without it the result is shown but nothing is saved.</source>
        <translation>请向旅客出示隐私告知，旅客同意后按 [C]；否则会显示结果，但不保存任何内容。</translation>
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
        <source>{problem}. Try again; if it persists, restart the station.</source>
        <translation>{problem}。请重试；如问题持续，请重启筛查站。</translation>
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
        <source>OK, {written} saved, {pending} waiting</source>
        <translation>正常，已保存 {written}，等待 {pending}</translation>
    </message>
    <message>
        <source>Database: retrying ({pending} waiting, kept on disk)</source>
        <translation>数据库：正在重试（等待 {pending}，已保存在磁盘上）</translation>
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
    <name>Top3Chart</name>
    <message>
        <source>flag {threshold:.2f}</source>
        <translation>警示 {threshold:.2f}</translation>
    </message>
</context>
</TS>
