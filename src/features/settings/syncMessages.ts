import type { BaseKey, Language } from '../../i18n/translate';

/** The Sync section's messages: they load with the Settings screen, not with the first bundle. */
const en = {
  'sync.title': 'Sync',
  'sync.intro':
    'Keep your reviews the same on every device through a CouchDB database you own (self-hosted CouchDB, or a service that speaks its protocol, such as IBM Cloudant). Nothing leaves this device until you set it up.',
  'sync.unsupported': 'Sync needs a browser with Web Workers.',
  'sync.url': 'Database URL',
  'sync.urlHint': 'for example https://couch.example.com/interview-recall',
  'sync.user': 'User name',
  'sync.password': 'Password',
  'sync.passwordHint':
    'Kept on this device only: never in a backup, an export or a log. Forgetting the setup deletes it.',
  'sync.test': 'Test connection',
  'sync.testing': 'Connecting…',
  'sync.testOk': 'Connected: the server answered and this account may use the database.',
  'sync.setUp': 'Turn sync on',
  'sync.on': 'Syncing with {url} as {user}.',
  'sync.paused': 'Sync is paused: reviews stay on this device until you resume.',
  'sync.lastSync': 'Last synced {when}.',
  'sync.never': 'Not synced yet.',
  'sync.pending': '{n} reviews not yet on the server.',
  'sync.pending#one': '{n} review not yet on the server.',
  'sync.upToDate': 'Every review made here is on the server.',
  'sync.running': 'Syncing… {pushed} reviews sent, {pulled} received.',
  'sync.replaying': 'Syncing… {pulled} reviews received. Updating card states: {done} of {total} cards.',
  'sync.storing':
    'Adding the received reviews to the review history: {done} of {total}. Card states and statistics are up to date; exports and backups start once this is done.',
  'sync.now': 'Sync now',
  'sync.pause': 'Pause',
  'sync.resume': 'Resume',
  'sync.forget': 'Forget this device’s sync setup',
  'sync.cancel': 'Cancel',
  'sync.forgetConfirm':
    'Forget the server, user name and password on this device? Your reviews stay here and on the server; you can set sync up again.',
  'sync.failed.credentials':
    'The server refused the user name or password. Check them and set sync up again.',
  'sync.failed.forbidden':
    'This account may not use that database. Ask its administrator, or use another database.',
  'sync.failed.unreachable':
    'The server could not be reached: this device is offline, the URL is wrong, or the server does not allow this app’s address (CORS). Reviews wait here and go when it answers.',
  'sync.failed.noDatabase': 'There is no database at that URL, and this account may not create one.',
  'sync.failed.server': 'The server answered with an error. Sync will try again later.',
  'sync.failed.local': 'Sync failed on this device. It will try again later.',
  'sync.failed.update':
    'Another device has synced data in a newer format than this version of the app knows. Update the app (close every tab of it and open it again) to go on syncing; nothing was changed, here or on the server.',
  'sync.issue.invalid': 'That is not a web address: it should start with https://.',
  'sync.issue.insecure': 'Use https:// — only a server on this machine (localhost) may use http://.',
  'sync.issue.credentialsInUrl': 'Put the user name and password in their own fields, not in the URL.',
  'sync.issue.noDatabase':
    'Add the database’s name to the URL, e.g. https://couch.example.com/interview-recall.',
};

export type SyncMessageKey = BaseKey<keyof typeof en>;

const zh: Record<SyncMessageKey, string> = {
  'sync.title': '同步',
  'sync.intro':
    '通过你自己的 CouchDB 数据库（自建 CouchDB，或兼容其协议的服务，如 IBM Cloudant）让所有设备上的复习记录保持一致。设置之前，任何数据都不会离开本设备。',
  'sync.unsupported': '同步需要支持 Web Worker 的浏览器。',
  'sync.url': '数据库 URL',
  'sync.urlHint': '例如 https://couch.example.com/interview-recall',
  'sync.user': '用户名',
  'sync.password': '密码',
  'sync.passwordHint': '只保存在本设备上：不会出现在备份、导出或日志中。忘记设置时一并删除。',
  'sync.test': '测试连接',
  'sync.testing': '正在连接…',
  'sync.testOk': '连接成功：服务器已响应，此账户可以使用该数据库。',
  'sync.setUp': '开启同步',
  'sync.on': '正在以 {user} 身份与 {url} 同步。',
  'sync.paused': '同步已暂停：复习记录会留在本设备上，直到你恢复同步。',
  'sync.lastSync': '上次同步：{when}。',
  'sync.never': '尚未同步。',
  'sync.pending': '有 {n} 条复习记录尚未上传到服务器。',
  'sync.upToDate': '本设备上的所有复习记录都已在服务器上。',
  'sync.running': '正在同步… 已发送 {pushed} 条，已接收 {pulled} 条。',
  'sync.replaying': '正在同步… 已接收 {pulled} 条。正在更新卡片状态：{done} / {total} 张卡片。',
  'sync.storing':
    '正在把接收到的复习记录写入复习历史：{done} / {total}。卡片状态和统计已是最新；导出和备份会在完成后开始。',
  'sync.now': '立即同步',
  'sync.pause': '暂停',
  'sync.resume': '恢复',
  'sync.forget': '忘记本设备的同步设置',
  'sync.cancel': '取消',
  'sync.forgetConfirm':
    '要在本设备上忘记服务器、用户名和密码吗？你的复习记录仍保留在本设备和服务器上；之后可以重新设置同步。',
  'sync.failed.credentials': '服务器拒绝了用户名或密码。请检查后重新设置同步。',
  'sync.failed.forbidden': '此账户无权使用该数据库。请联系其管理员，或改用其他数据库。',
  'sync.failed.unreachable':
    '无法连接服务器：本设备处于离线状态、URL 有误，或服务器不允许本应用的地址（CORS）。复习记录会在本设备上等待，连接恢复后再上传。',
  'sync.failed.noDatabase': '该 URL 下没有数据库，且此账户无权创建。',
  'sync.failed.server': '服务器返回了错误。稍后会自动重试。',
  'sync.failed.local': '本设备上的同步出错。稍后会自动重试。',
  'sync.failed.update':
    '另一台设备同步了更新格式的数据，当前版本的应用无法识别。请更新应用（关闭它的所有标签页后重新打开）以继续同步；本设备和服务器上的数据都没有被改动。',
  'sync.issue.invalid': '这不是一个网址：应以 https:// 开头。',
  'sync.issue.insecure': '请使用 https://，只有本机上的服务器（localhost）可以使用 http://。',
  'sync.issue.credentialsInUrl': '请把用户名和密码填在各自的输入框中，不要写在 URL 里。',
  'sync.issue.noDatabase': '请在 URL 中加上数据库名，例如 https://couch.example.com/interview-recall。',
};

export const syncMessages: Record<Language, Record<SyncMessageKey, string>> = { en, zh };
