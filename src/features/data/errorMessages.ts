/** What the data screen says when a job fails in a way the user can act on (see errors.ts). */
const en = {
  'data.plainReason': '{reason}',
  'data.error.quota':
    'The browser’s storage for this app is full, so nothing was changed. Free some space (delete decks you no longer use here, or other sites’ data in the browser’s settings), then try again.',
  'data.error.unreadable':
    'The file could not be read: it may have been moved, renamed or changed while it was being read. Choose it again.',
  'data.error.closed':
    'The app’s database was closed, usually because the app was updated in another tab. Reload this page, then try again.',
  'data.error.clock':
    'Your device’s clock is wrong (before 2000 or after 2099), so nothing was saved. Set the date and time, then try again.',
  'data.error.changed':
    'The file is no longer the one that was checked (it was changed, or the check was lost). Nothing was changed: choose the file again.',
  'data.error.snapshot':
    'The automatic snapshot is missing or incomplete, so nothing was rolled back. Your data is as it was.',
  'data.backup.notNoted':
    'The app could not note the date of this backup, so the reminder may still show: {reason}',
  'data.problem.damaged':
    'This backup is damaged: its content no longer matches the checksum it was saved with, so it was changed after it was made. Nothing was restored. Try another copy of the backup.',
};

const zh: Record<keyof typeof en, string> = {
  'data.plainReason': '{reason}',
  'data.error.quota':
    '浏览器为这个应用分配的存储空间已满，所以没有做任何改动。请腾出一些空间（删除不再使用的卡组，或在浏览器设置里清除其他网站的数据），然后重试。',
  'data.error.unreadable': '无法读取这个文件：它可能在读取时被移动、重命名或修改了。请重新选择文件。',
  'data.error.closed': '应用的数据库已关闭，通常是因为在另一个标签页里更新了应用。请刷新这个页面后重试。',
  'data.error.clock':
    '你的设备时钟不对（早于 2000 年或晚于 2099 年），所以没有保存任何内容。请设置正确的日期和时间后重试。',
  'data.error.changed':
    '这个文件已不是检查过的那个（它被改动了，或检查结果已丢失）。没有做任何改动，请重新选择文件。',
  'data.error.snapshot': '自动快照不存在或不完整，所以没有回滚任何内容，你的数据保持原样。',
  'data.backup.notNoted': '应用没能记下这次备份的时间，所以备份提醒可能仍会出现：{reason}',
  'data.problem.damaged':
    '这个备份已损坏：内容与保存时的校验和不一致，说明文件在生成后被改动过。没有恢复任何数据。请换一份备份副本再试。',
};

export const dataErrorMessages = { en, zh };
