// The knowledge base's demo articles (docs/product.md §12.6), in Chinese and English as an operations centre writes
// them, and the judged queries that measure search quality on them: the seed loads the articles, and the ticket
// service's search-quality suite compares the search strategies on the queries.

export interface DemoKnowledgeArticle {
  /** Stable key the judgements refer to. */
  readonly key: string;
  readonly title: string;
  readonly problem: string;
  readonly solution: string;
  readonly steps: readonly string[];
  readonly attachments: readonly { label: string; url: string }[];
  readonly category: string;
  readonly tags: readonly string[];
}

export const KNOWLEDGE_DEMO_ARTICLES: readonly DemoKnowledgeArticle[] = [
  {
    key: 'printer-jam',
    title: '打印機卡紙處理 Printer paper jam',
    problem: '辦公室激光打印機面板顯示「卡紙」,打印任務停在隊列中。',
    solution: '關機後打開前蓋和後蓋,順著走紙方向取出卡住的紙張,檢查搓紙輪是否有碎紙。',
    steps: [
      '關閉電源並等待定影器冷卻',
      '打開前蓋,取出硒鼓',
      '順著走紙方向慢慢拉出紙張',
      '裝回硒鼓,開機打印測試頁',
    ],
    attachments: [
      { label: '機型手冊 Model manual', url: 'https://support.example.com/printers/m404-manual.pdf' },
    ],
    category: '辦公設備 Office equipment',
    tags: ['打印機', 'printer'],
  },
  {
    key: 'vpn-auth',
    title: 'VPN 連不上:認證失敗',
    problem: '遠程辦公時 VPN 客戶端提示「認證失敗」,無法連接公司內網。',
    solution: '多數是動態令牌不同步或域賬號密碼已過期。先在自助門戶同步令牌,再確認密碼未過期。',
    steps: ['打開自助門戶,選擇「同步令牌」', '確認域賬號密碼未過期', '重新啟動 VPN 客戶端並登錄'],
    attachments: [{ label: '自助門戶', url: 'https://portal.example.com/token' }],
    category: '網絡 Network',
    tags: ['vpn', '遠程辦公'],
  },
  {
    key: 'wifi-slow',
    title: '會議室 Wi-Fi 信號弱、網速慢',
    problem: '三樓大會議室開會時無線網絡頻繁掉線,網速很慢。',
    solution: '會議室人數多時 2.4GHz 頻段擁擠,讓終端改連 5GHz 的 Corp-5G;仍慢則檢查接入點負載。',
    steps: ['確認終端連接的是 Corp-5G', '在無線控制器查看接入點在線人數', '超過 40 人時啟用臨時接入點'],
    attachments: [],
    category: '網絡 Network',
    tags: ['wi-fi', '無線'],
  },
  {
    key: 'password-reset',
    title: '重置域賬號密碼 Reset a domain account password',
    problem: 'A user forgot their domain password or the account is locked after too many attempts.',
    solution:
      'Verify the caller’s identity with two facts from the HR record, then reset the password in the directory console and ask the user to change it at next logon.',
    steps: [
      'Verify identity (employee number and manager’s name)',
      'Unlock the account in the directory console',
      'Set a temporary password and tick "must change at next logon"',
    ],
    attachments: [{ label: 'Identity check policy', url: 'https://wiki.example.com/it/identity-check' }],
    category: '賬號 Accounts',
    tags: ['password', '密碼', 'account'],
  },
  {
    key: 'email-quota',
    title: 'Mailbox full: cannot receive email',
    problem: 'Senders get a bounce saying the recipient’s mailbox is full; the user receives no new mail.',
    solution:
      'Archive old mail to the online archive or raise the quota for managers; large attachments go to the file share.',
    steps: [
      'Check the mailbox size in the admin centre',
      'Enable the online archive policy',
      'Ask the user to empty Deleted Items',
    ],
    attachments: [],
    category: '郵件 Email',
    tags: ['email', 'mailbox', 'quota'],
  },
  {
    key: 'ups-alarm',
    title: '機房 UPS 告警:電池故障',
    problem: '機房 UPS 面板報警,顯示電池故障,監控平台收到斷電風險告警。',
    solution: '確認市電正常後做電池自檢;自檢失敗的電池組聯繫廠商更換,更換前把關鍵負載切到備用 UPS。',
    steps: ['查看 UPS 面板告警代碼', '執行電池自檢', '自檢失敗則報修並切換備用 UPS'],
    attachments: [{ label: 'UPS 維護規程', url: 'https://wiki.example.com/dc/ups-maintenance' }],
    category: '機房 Data centre',
    tags: ['ups', '電源'],
  },
  {
    key: 'aircon',
    title: '機房空調溫度過高',
    problem: '機房溫度超過 27 度,精密空調報高溫告警 (high temperature alarm)。',
    solution: '檢查空調是否停機或濾網堵塞;溫度持續上升時開啟備用空調並通知設施維護。',
    steps: ['查看空調面板告警', '檢查濾網和冷凝器', '開啟備用空調', '每 15 分鐘記錄一次溫度'],
    attachments: [],
    category: '機房 Data centre',
    tags: ['空調', 'temperature'],
  },
  {
    key: 'payment-timeout',
    title: '支付接口超時 Payment gateway timeouts',
    problem: 'Customers report that card payments hang and fail after 30 seconds; 支付接口返回超時。',
    solution:
      'Check the payment gateway status page and our outbound proxy; fail over to the secondary acquirer when the primary answers slowly.',
    steps: [
      'Open the gateway status page',
      'Check the proxy’s connection pool',
      'Switch to the secondary acquirer in the payment console',
    ],
    attachments: [{ label: 'Gateway status', url: 'https://status.payments.example.com' }],
    category: '業務系統 Business systems',
    tags: ['payment', '支付'],
  },
  {
    key: 'invoice-error',
    title: 'Invoices page shows error 500 after a release',
    problem: 'After the evening release the invoices page answers with HTTP 500 for every customer.',
    solution:
      'A missing database migration is the usual cause: run the pending migrations, then clear the report cache.',
    steps: ['Check the release notes for migrations', 'Run the pending migrations', 'Clear the report cache'],
    attachments: [],
    category: '業務系統 Business systems',
    tags: ['invoice', 'release'],
  },
  {
    key: 'complaint-callback',
    title: '客戶投訴回訪流程',
    problem: '投訴處理完成後需要回訪客戶,確認客戶對處理結果是否滿意。',
    solution: '處理完成後兩個工作日內電話回訪,記錄滿意度;不滿意的重新打開工單並升級給主管。',
    steps: ['兩個工作日內電話回訪', '記錄客戶滿意度', '不滿意則重開工單並升級'],
    attachments: [],
    category: '客戶服務 Customer service',
    tags: ['投訴', '回訪'],
  },
  {
    key: 'disk-full',
    title: 'Server disk full: rotate the logs',
    problem:
      'Monitoring alerts that the application server’s disk is 95% full; services start failing to write logs.',
    solution:
      'Compress and rotate old logs, remove core dumps, then fix the logrotate rule that stopped working.',
    steps: [
      'Find the largest directories with du',
      'Compress logs older than seven days',
      'Repair the logrotate configuration',
    ],
    attachments: [],
    category: '服務器 Servers',
    tags: ['disk', 'logs'],
  },
  {
    key: 'access-card',
    title: '門禁卡失效無法進入辦公區',
    problem: '員工刷門禁卡時讀卡器亮紅燈,無法進入辦公區。',
    solution: '在門禁系統查詢卡片狀態;過期的續期,消磁的重新發卡,並確認權限組包含該樓層。',
    steps: ['查詢卡片狀態', '續期或重新發卡', '檢查樓層權限組'],
    attachments: [],
    category: '行政 Facilities',
    tags: ['門禁'],
  },
  {
    key: 'projector',
    title: 'Meeting-room projector shows no signal',
    problem: 'The projector in the meeting room says "no signal" when a laptop is connected over HDMI.',
    solution:
      'Select the right input source, then set the laptop to duplicate its display; replace the HDMI cable if it still fails.',
    steps: [
      'Press Source until HDMI 1 is selected',
      'Press Win+P and choose Duplicate',
      'Try the spare HDMI cable',
    ],
    attachments: [],
    category: '辦公設備 Office equipment',
    tags: ['projector', 'meeting room'],
  },
  {
    key: 'backup-failed',
    title: '數據庫備份失敗 Database backup job failed',
    problem: '夜間數據庫備份任務失敗,備份目錄空間不足或存儲掛載斷開。',
    solution:
      'Check the backup job log; free space on the backup volume or remount the storage, then run the backup again.',
    steps: ['查看備份任務日誌', '清理或擴容備份卷', '重新掛載存儲並手動執行備份'],
    attachments: [],
    category: '服務器 Servers',
    tags: ['backup', '備份', 'database'],
  },
];

export interface SearchJudgement {
  readonly query: string;
  readonly language: 'zh' | 'en';
  /** Keys of the articles a good answer contains. */
  readonly relevant: readonly string[];
}

/** Queries as agents type them, each with the articles that answer it. */
export const KNOWLEDGE_SEARCH_JUDGEMENTS: readonly SearchJudgement[] = [
  { query: '卡紙', language: 'zh', relevant: ['printer-jam'] },
  { query: '打印機', language: 'zh', relevant: ['printer-jam'] },
  { query: 'VPN 認證', language: 'zh', relevant: ['vpn-auth'] },
  { query: '網速慢', language: 'zh', relevant: ['wifi-slow'] },
  { query: '密碼', language: 'zh', relevant: ['password-reset', 'vpn-auth'] },
  { query: 'UPS 電池', language: 'zh', relevant: ['ups-alarm'] },
  { query: '機房 溫度', language: 'zh', relevant: ['aircon'] },
  { query: '支付超時', language: 'zh', relevant: ['payment-timeout'] },
  { query: '投訴回訪', language: 'zh', relevant: ['complaint-callback'] },
  { query: '門禁', language: 'zh', relevant: ['access-card'] },
  { query: '備份失敗', language: 'zh', relevant: ['backup-failed'] },
  { query: '告警', language: 'zh', relevant: ['ups-alarm', 'aircon'] },
  { query: 'printer paper jam', language: 'en', relevant: ['printer-jam'] },
  { query: 'reset password', language: 'en', relevant: ['password-reset'] },
  { query: 'mailbox full', language: 'en', relevant: ['email-quota'] },
  { query: 'projector no signal', language: 'en', relevant: ['projector'] },
  { query: 'disk full logs', language: 'en', relevant: ['disk-full'] },
  { query: 'payment timeout', language: 'en', relevant: ['payment-timeout'] },
  { query: 'invoices error 500', language: 'en', relevant: ['invoice-error'] },
  { query: 'backups', language: 'en', relevant: ['backup-failed'] },
  { query: 'pasword reset', language: 'en', relevant: ['password-reset'] },
  { query: 'temperature', language: 'en', relevant: ['aircon'] },
];

/**
 * The Chinese queries above (written in Traditional script, like the articles) as a reader in the mainland types them,
 * in Simplified script: search folds both scripts to one, so each must answer exactly as its Traditional original.
 */
export const KNOWLEDGE_SEARCH_SIMPLIFIED_JUDGEMENTS: readonly (SearchJudgement & { readonly traditional: string })[] =
  [
    { query: '卡纸', traditional: '卡紙', language: 'zh', relevant: ['printer-jam'] },
    { query: '打印机', traditional: '打印機', language: 'zh', relevant: ['printer-jam'] },
    { query: 'VPN 认证', traditional: 'VPN 認證', language: 'zh', relevant: ['vpn-auth'] },
    { query: '网速慢', traditional: '網速慢', language: 'zh', relevant: ['wifi-slow'] },
    { query: '密码', traditional: '密碼', language: 'zh', relevant: ['password-reset', 'vpn-auth'] },
    { query: 'UPS 电池', traditional: 'UPS 電池', language: 'zh', relevant: ['ups-alarm'] },
    { query: '机房 温度', traditional: '機房 溫度', language: 'zh', relevant: ['aircon'] },
    { query: '支付超时', traditional: '支付超時', language: 'zh', relevant: ['payment-timeout'] },
    { query: '投诉回访', traditional: '投訴回訪', language: 'zh', relevant: ['complaint-callback'] },
    { query: '门禁', traditional: '門禁', language: 'zh', relevant: ['access-card'] },
    { query: '备份失败', traditional: '備份失敗', language: 'zh', relevant: ['backup-failed'] },
    { query: '告警', traditional: '告警', language: 'zh', relevant: ['ups-alarm', 'aircon'] },
  ];
