/**
 * Starter English ↔ Vietnamese glossary of the safe-migration field: data for editors to extend.
 * Each entry is a small translation class; every English phrase may be read as every Vietnamese
 * one. English phrases are compared after light stemming, so "passports" finds "passport".
 */
import type { GlossaryEntry } from './types';

const term = (en: string | string[], vi: string | string[]): GlossaryEntry => ({
  en: Array.isArray(en) ? en : [en],
  vi: Array.isArray(vi) ? vi : [vi],
});

/** Documents, procedures and agencies. */
const DOCUMENTS: GlossaryEntry[] = [
  term('passport', 'hộ chiếu'),
  term(['visa', 'visas'], ['thị thực', 'visa']),
  term('work permit', 'giấy phép lao động'),
  term(['residence permit', 'residence card'], ['thẻ cư trú', 'thẻ tạm trú']),
  term(['id card', 'identity card', 'citizen id'], ['căn cước', 'căn cước công dân']),
  term('birth certificate', ['giấy khai sinh', 'khai sinh']),
  term(['birth registration', 'register a birth', 'register the birth'], 'đăng ký khai sinh'),
  term(['marriage registration', 'register a marriage'], 'đăng ký kết hôn'),
  term('criminal record', 'lý lịch tư pháp'),
  term(['permanent residence', 'household registration'], ['thường trú', 'hộ khẩu']),
  term('temporary residence', 'tạm trú'),
  term('residence', 'cư trú'),
  term(
    ['contract', 'labour contract', 'labor contract', 'employment contract'],
    ['hợp đồng', 'hợp đồng lao động'],
  ),
  term(['document', 'documents', 'paperwork', 'papers'], ['giấy tờ', 'hồ sơ']),
  term('application', 'hồ sơ'),
  term(['apply', 'apply for', 'get'], ['xin', 'nộp hồ sơ', 'làm', 'cấp', 'đăng ký']),
  term(['register', 'registration', 'sign up'], 'đăng ký'),
  term(
    ['renew', 'renewal', 'replace', 'replacement', 'reissue'],
    ['cấp lại', 'làm lại', 'cấp mới', 'gia hạn'],
  ),
  term(['extend', 'extension'], 'gia hạn'),
  term('fee', ['lệ phí', 'phí', 'chi phí']),
  term(['cost', 'how much'], ['chi phí', 'bao nhiêu tiền']),
  term(
    ['embassy', 'consulate', 'consulate general', 'diplomatic mission'],
    ['đại sứ quán', 'lãnh sự quán', 'tổng lãnh sự quán', 'cơ quan đại diện'],
  ),
  term(
    ['immigration office', 'immigration department', 'immigration'],
    ['quản lý xuất nhập cảnh', 'xuất nhập cảnh'],
  ),
  term('police', ['công an', 'cảnh sát']),
  term(['local authority', 'local government'], 'chính quyền địa phương'),
  term("people's committee", 'ủy ban nhân dân'),
  term('commune', 'xã'),
  term(
    ['department of labour', 'labour department', 'labor department'],
    'sở lao động thương binh và xã hội',
  ),
  term(['online', 'on the internet', 'internet'], ['trực tuyến', 'qua mạng', 'online']),
  term('public service portal', 'cổng dịch vụ công'),
  term(['first time', 'for the first time'], 'lần đầu'),
  term('new', 'mới'),
  term(['expire', 'expired', 'expiring', 'expiry'], 'hết hạn'),
  term(['lost', 'lose', 'losing', 'missing'], ['mất', 'thất lạc']),
  term(['stolen', 'theft'], ['bị mất cắp', 'mất cắp']),
];

/** Leaving, entering, living abroad, coming back. */
const MOVEMENT: GlossaryEntry[] = [
  term(['exit', 'departure', 'leave the country', 'leaving the country'], 'xuất cảnh'),
  term(['entry', 'enter', 'entering'], 'nhập cảnh'),
  term(['exit ban', 'travel ban', 'banned from leaving'], ['tạm hoãn xuất cảnh', 'cấm xuất cảnh']),
  term(['abroad', 'overseas', 'foreign country', 'another country'], 'nước ngoài'),
  term(
    ['foreign', 'foreigner', 'foreigners', 'foreign national'],
    ['nước ngoài', 'người nước ngoài'],
  ),
  term(['vietnam', 'vietnamese'], 'việt nam'),
  term(['migration', 'migrate', 'migrant', 'migrants'], ['di cư', 'người di cư']),
  term('global compact for migration', 'hiệp ước toàn cầu về di cư'),
  term(['safe migration', 'safe, orderly and regular migration'], 'di cư an toàn'),
  term(['settle', 'settled', 'emigrate', 'emigrated'], 'định cư'),
  term(
    ['return', 'returnee', 'returnees', 'come back', 'return home', 'go back home'],
    ['về nước', 'hồi hương'],
  ),
  term('airport', 'sân bay'),
  term(['border gate', 'border checkpoint', 'checkpoint'], 'cửa khẩu'),
  term('border', 'biên giới'),
  term(['cross the border illegally', 'illegal border crossing'], 'vượt biên'),
  term(['illegal', 'illegally', 'irregular', 'undocumented'], ['trái phép', 'bất hợp pháp']),
  term(
    ['smuggling', 'smuggler', 'smuggled'],
    ['đưa người vượt biên trái phép', 'đường dây vượt biên'],
  ),
  term(['legal', 'legally', 'lawful', 'regular'], 'hợp pháp'),
  term(['study abroad', 'international student', 'overseas student'], ['du học', 'du học sinh']),
  term(['student', 'students'], ['học sinh', 'sinh viên']),
  term(['marriage', 'marry', 'married', 'wedding'], 'kết hôn'),
  term('husband', 'chồng'),
  term('wife', 'vợ'),
  term(['spouse', 'spouses', 'married couple'], 'vợ chồng'),
  term(['child', 'children', 'kid', 'kids'], ['con', 'trẻ em']),
  term('baby', 'em bé'),
  term('born', 'sinh'),
  term(['parent', 'parents'], ['cha mẹ', 'bố mẹ']),
  term(['family', 'relatives'], ['gia đình', 'người thân']),
  term(['citizen', 'citizens', 'national'], 'công dân'),
  term(['citizenship', 'nationality'], 'quốc tịch'),
  term(['consular protection', 'citizen protection'], 'bảo hộ công dân'),
  term(['arrested', 'detained', 'detention', 'arrest'], ['bị bắt', 'bắt giữ', 'tạm giữ']),
  term(['deported', 'deportation', 'expelled'], ['trục xuất', 'buộc xuất cảnh']),
  term(['korea', 'south korea', 'korean'], 'hàn quốc'),
  term(['japan', 'japanese'], 'nhật bản'),
  term(['taiwan', 'taiwanese'], 'đài loan'),
  term(['china', 'chinese'], 'trung quốc'),
  term(['germany', 'german'], 'đức'),
  term(['australia', 'australian'], 'úc'),
  term(['united states', 'usa', 'america', 'american'], ['mỹ', 'hoa kỳ']),
  term(['europe', 'european'], 'châu âu'),
  term(['united kingdom', 'uk', 'england', 'britain'], ['anh quốc', 'vương quốc anh']),
  term('cambodia', 'campuchia'),
];

/** Work, pay and rights. */
const WORK: GlossaryEntry[] = [
  term(
    [
      'work abroad',
      'working abroad',
      'overseas work',
      'labour export',
      'labor export',
      'overseas employment',
    ],
    ['xuất khẩu lao động', 'đi làm việc ở nước ngoài', 'lao động ở nước ngoài'],
  ),
  term(
    ['migrant worker', 'migrant workers', 'overseas worker', 'guest worker'],
    ['người lao động', 'lao động di cư'],
  ),
  term(
    ['worker', 'workers', 'labourer', 'employee', 'employees', 'labour', 'labor'],
    ['người lao động', 'lao động'],
  ),
  term(['work', 'working', 'job', 'jobs'], ['làm việc', 'việc làm', 'công việc', 'lao động']),
  term(
    ['employer', 'employers', 'boss'],
    ['ông chủ', 'người sử dụng lao động', 'chủ sử dụng lao động'],
  ),
  term(['colleague', 'coworker'], 'đồng nghiệp'),
  term(['hire', 'hiring', 'recruit', 'recruitment', 'employ'], ['tuyển dụng', 'thuê']),
  term(
    ['recruitment agency', 'recruiter', 'placement agency', 'labour export company'],
    ['doanh nghiệp đưa người lao động đi làm việc ở nước ngoài', 'công ty xuất khẩu lao động'],
  ),
  term(['broker', 'agent', 'middleman'], 'môi giới'),
  term(['company', 'companies', 'business', 'enterprise'], ['công ty', 'doanh nghiệp']),
  term(['licence', 'license', 'licensed', 'permit'], ['giấy phép', 'cấp phép']),
  term(['check', 'verify', 'look up'], ['kiểm tra', 'tra cứu']),
  term(
    ['salary', 'wage', 'wages', 'pay', 'paid', 'earnings'],
    ['lương', 'tiền lương', 'trả lương'],
  ),
  term(
    ['unpaid wages', 'not paid', "hasn't paid", 'owed wages', 'wage theft'],
    ['nợ lương', 'không trả lương'],
  ),
  term(['overtime'], ['làm thêm giờ', 'quá giờ']),
  term(['complain', 'complaint'], 'khiếu nại'),
  term(['report', 'denounce'], ['tố cáo', 'trình báo']),
  term(['rights', 'entitlements', 'benefits'], 'quyền lợi'),
  term('insurance', 'bảo hiểm'),
  term('social insurance', 'bảo hiểm xã hội'),
  term('health insurance', 'bảo hiểm y tế'),
  term(['accident', 'injury', 'injured'], 'tai nạn'),
  term(
    ['health check', 'medical check', 'medical examination', 'health examination'],
    'khám sức khỏe',
  ),
  term(['health', 'medical'], ['sức khỏe', 'y tế']),
  term('training', 'đào tạo'),
  term(
    ['orientation', 'pre-departure training', 'pre-departure orientation'],
    ['bồi dưỡng kiến thức', 'giáo dục định hướng'],
  ),
  term(['language', 'foreign language'], ['ngoại ngữ', 'tiếng nước ngoài']),
  term(['seasonal work', 'seasonal worker', 'seasonal workers', 'seasonal'], 'lao động thời vụ'),
  term(['fishing boat', 'fishing vessel'], 'tàu cá'),
  term(['fisherman', 'fishermen'], 'ngư dân'),
  term(['crew', 'crew member', 'seafarer', 'seaman', 'sailor'], 'thuyền viên'),
  term(['terminate', 'end the contract', 'terminate the contract'], 'chấm dứt hợp đồng'),
  term(['quit', 'leave the job', 'resign'], 'nghỉ việc'),
  term(['early', 'before the end'], ['trước hạn', 'sớm']),
  term(['unemployed', 'unemployment'], 'thất nghiệp'),
  term(['job search', 'find a job', 'look for work'], ['tìm việc', 'tìm việc làm']),
  term(['vocational training'], 'học nghề'),
  term(['loan', 'loans', 'borrow'], ['vay vốn', 'vay']),
  term(
    ['send money', 'remittance', 'remittances', 'transfer money'],
    ['gửi tiền', 'chuyển tiền', 'kiều hối'],
  ),
  term(['bank', 'banks'], 'ngân hàng'),
  term(['debt', 'debts'], 'nợ'),
  term(['help', 'support', 'assistance', 'assist'], ['hỗ trợ', 'giúp']),
  term(['safe', 'safely', 'safety'], 'an toàn'),
  term(['risk', 'risks', 'danger', 'dangerous'], ['rủi ro', 'nguy hiểm']),
];

/** Abuse, deception and trafficking. */
const PROTECTION: GlossaryEntry[] = [
  term(
    ['human trafficking', 'trafficking', 'trafficked', 'trafficker'],
    ['mua bán người', 'buôn người'],
  ),
  term(['child trafficking'], ['mua bán trẻ em', 'buôn bán trẻ em']),
  term(['scam', 'scams', 'fraud', 'fake', 'cheat', 'cheated'], ['lừa đảo', 'lừa']),
  term(
    ['job offer', 'job ad', 'job advert', 'job posting', 'recruitment ad'],
    ['tin tuyển dụng', 'tuyển dụng'],
  ),
  term(['forced labour', 'forced labor'], 'lao động cưỡng bức'),
  term(['abuse', 'abused', 'mistreated', 'exploitation', 'exploited'], ['ngược đãi', 'bóc lột']),
  term(['confiscated', 'kept my passport', 'withheld'], ['giữ giấy tờ', 'bị giữ hộ chiếu']),
  term(['kidnap', 'kidnapped', 'abduction'], 'bắt cóc'),
  term(['hotline'], 'đường dây nóng'),
  term(['violence', 'violent'], 'bạo lực'),
  term(['beaten', 'beat', 'assaulted', 'hit me'], 'bị đánh'),
  term(['locked up', 'locked in', 'confined', 'held captive'], 'bị nhốt'),
  term('ransom', 'tiền chuộc'),
  term(['domestic worker', 'domestic work', 'maid', 'housemaid'], 'giúp việc gia đình'),
  term(['intern', 'trainee', 'technical intern'], 'thực tập sinh'),
];

export const STARTER_GLOSSARY: readonly GlossaryEntry[] = [
  ...DOCUMENTS,
  ...MOVEMENT,
  ...WORK,
  ...PROTECTION,
];
