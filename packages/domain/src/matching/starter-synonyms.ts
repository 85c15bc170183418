/**
 * Starter synonym dictionary: data for editors to extend, not code.
 *
 * Three kinds of entries, all general knowledge of how Vietnamese is typed on phones and how the
 * migration field is talked about (nothing here is tied to one FAQ):
 * 1. teencode and chat abbreviations ("ko" → "không");
 * 2. field abbreviations and country names ("xkld", "HQ", "ĐL", "đsq");
 * 3. groups of equivalent field terms (`mutual: true`), e.g. "visa" / "thị thực".
 * An ambiguous abbreviation lists every reading ("hc" is "hộ chiếu" or "học"); the FAQ text
 * decides which one fits.
 */
import type { SynonymEntry } from './types';

const abbreviation = (term: string, ...expansions: string[]): SynonymEntry => ({
  term,
  expansions,
});
const equivalents = (term: string, ...expansions: string[]): SynonymEntry => ({
  term,
  expansions,
  mutual: true,
});

/** Chat spellings of everyday words. */
const TEENCODE: SynonymEntry[] = [
  abbreviation('ko', 'không'),
  abbreviation('k', 'không'),
  abbreviation('kh', 'không'),
  abbreviation('kg', 'không'),
  abbreviation('khg', 'không'),
  abbreviation('hok', 'không'),
  abbreviation('hông', 'không'),
  abbreviation('hem', 'không'),
  abbreviation('khum', 'không'),
  abbreviation('hk', 'không'),
  abbreviation('đc', 'được'),
  abbreviation('dc', 'được'),
  abbreviation('dk', 'được', 'đăng ký', 'điều kiện'),
  abbreviation('đk', 'đăng ký', 'điều kiện', 'được'),
  abbreviation('j', 'gì'),
  abbreviation('ji', 'gì'),
  abbreviation('v', 'vậy'),
  abbreviation('z', 'vậy'),
  abbreviation('zậy', 'vậy'),
  abbreviation('dzậy', 'vậy'),
  abbreviation('vs', 'với'),
  abbreviation('mn', 'mọi người'),
  abbreviation('mng', 'mọi người'),
  abbreviation('mk', 'mình'),
  abbreviation('mik', 'mình'),
  abbreviation('e', 'em'),
  abbreviation('a', 'anh'),
  abbreviation('c', 'chị'),
  abbreviation('t', 'tôi'),
  abbreviation('b', 'bạn'),
  abbreviation('bn', 'bao nhiêu', 'bạn'),
  abbreviation('bnh', 'bao nhiêu'),
  abbreviation('ntn', 'như thế nào'),
  abbreviation('ntnao', 'như thế nào'),
  abbreviation('s', 'sao'),
  abbreviation('r', 'rồi'),
  abbreviation('ròi', 'rồi'),
  abbreviation('h', 'giờ'),
  abbreviation('bh', 'bao giờ', 'bảo hiểm'),
  abbreviation('bgio', 'bây giờ'),
  abbreviation('bjo', 'bây giờ'),
  abbreviation('ms', 'mới'),
  abbreviation('trc', 'trước'),
  abbreviation('nc', 'nước'),
  abbreviation('nc ngoài', 'nước ngoài'),
  abbreviation('nn', 'nước ngoài', 'ngoại ngữ'),
  abbreviation('ng', 'người'),
  abbreviation('ngta', 'người ta'),
  abbreviation('nhg', 'những', 'nhưng'),
  abbreviation('nhưg', 'nhưng'),
  abbreviation('nhữg', 'những'),
  abbreviation('dag', 'đang'),
  abbreviation('đag', 'đang'),
  abbreviation('lm', 'làm'),
  abbreviation('mún', 'muốn'),
  abbreviation('bít', 'biết'),
  abbreviation('bik', 'biết'),
  abbreviation('bjt', 'biết'),
  abbreviation('wá', 'quá'),
  abbreviation('iu', 'yêu'),
  abbreviation('nhìu', 'nhiều'),
  abbreviation('hum', 'hôm'),
  abbreviation('tg', 'thời gian'),
  abbreviation('vc', 'việc', 'vợ chồng'),
  abbreviation('vk', 'vợ'),
  abbreviation('ck', 'chồng'),
  abbreviation('ny', 'người yêu'),
  abbreviation('gđ', 'gia đình'),
  abbreviation('gd', 'gia đình'),
  abbreviation('đt', 'điện thoại'),
  abbreviation('dt', 'điện thoại'),
  abbreviation('sđt', 'số điện thoại'),
  abbreviation('sdt', 'số điện thoại'),
  abbreviation('tk', 'tài khoản'),
  abbreviation('ib', 'nhắn tin'),
  abbreviation('inbox', 'nhắn tin'),
  abbreviation('fb', 'facebook'),
  abbreviation('face', 'facebook'),
  abbreviation('đky', 'đăng ký'),
  abbreviation('dky', 'đăng ký'),
  abbreviation('gthich', 'giải thích'),
  abbreviation('zl', 'zalo'),
  abbreviation('tele', 'telegram'),
  abbreviation('pải', 'phải'),
  abbreviation('fải', 'phải'),
  abbreviation('cj', 'chị'),
  abbreviation('cn', 'con', 'còn', 'chủ nhật'),
  abbreviation('kt', 'kiểm tra'),
  abbreviation('tt', 'thủ tục', 'thông tin'),
  abbreviation('ttin', 'thông tin'),
  abbreviation('gt', 'giấy tờ', 'giới thiệu'),
  abbreviation('hs', 'hồ sơ', 'học sinh'),
  abbreviation('sv', 'sinh viên'),
  abbreviation('dv', 'dịch vụ'),
  abbreviation('sk', 'sức khỏe'),
  abbreviation('tp', 'thành phố'),
  abbreviation('qt', 'quốc tế'),
  abbreviation('đh', 'đại học'),
  abbreviation('tgian', 'thời gian'),
  abbreviation('check', 'kiểm tra', 'tra cứu'),
  abbreviation('online', 'trực tuyến', 'qua mạng'),
  abbreviation('cx', 'cũng'),
  abbreviation('cg', 'cũng'),
  abbreviation('lun', 'luôn'),
  abbreviation('oy', 'rồi'),
  abbreviation('ik', 'đi'),
  abbreviation('trog', 'trong'),
  abbreviation('qđ', 'quy định'),
  abbreviation('qd', 'quy định'),
  abbreviation('vđ', 'vấn đề'),
  abbreviation('vde', 'vấn đề'),
];

/**
 * Southern and everyday spoken forms of common words, as people type them in chat ("hổng biết",
 * "vô làm", "coi ở đâu"): one way, the spoken form also reads as the written one.
 */
const SPOKEN: SynonymEntry[] = [
  abbreviation('thiệt', 'thật'),
  abbreviation('vô', 'vào'),
  abbreviation('coi', 'xem'),
  abbreviation('hổng', 'không'),
  abbreviation('dỏm', 'giả'),
  abbreviation('ổng', 'ông ấy'),
  abbreviation('bả', 'bà ấy'),
  abbreviation('bển', 'bên đó'),
  abbreviation('kêu', 'gọi', 'bảo'),
  abbreviation('giùm', 'giúp'),
  abbreviation('dìa', 'về'),
];

/** Field abbreviations: documents, agencies, programmes. */
const FIELD_ABBREVIATIONS: SynonymEntry[] = [
  abbreviation('xkld', 'xuất khẩu lao động'),
  abbreviation('xklđ', 'xuất khẩu lao động'),
  abbreviation('hc', 'hộ chiếu', 'học'),
  abbreviation('pp', 'hộ chiếu'),
  abbreviation('xc', 'xuất cảnh'),
  abbreviation('xnc', 'xuất nhập cảnh'),
  abbreviation('xncc', 'xuất nhập cảnh'),
  abbreviation('tnlđ', 'tai nạn lao động'),
  abbreviation('tnld', 'tai nạn lao động'),
  abbreviation('qtịch', 'quốc tịch'),
  abbreviation('qtich', 'quốc tịch'),
  abbreviation('qlxnc', 'quản lý xuất nhập cảnh'),
  abbreviation('lđ', 'lao động'),
  abbreviation('ld', 'lao động'),
  abbreviation('nld', 'người lao động'),
  abbreviation('nlđ', 'người lao động'),
  abbreviation('hđ', 'hợp đồng'),
  abbreviation('hd', 'hợp đồng', 'hướng dẫn'),
  abbreviation('hđlđ', 'hợp đồng lao động'),
  abbreviation('hdld', 'hợp đồng lao động'),
  abbreviation('đkkh', 'đăng ký kết hôn'),
  abbreviation('dkkh', 'đăng ký kết hôn'),
  abbreviation('ltp', 'lý lịch tư pháp'),
  abbreviation('gp', 'giấy phép'),
  abbreviation('gplđ', 'giấy phép lao động'),
  abbreviation('gpld', 'giấy phép lao động'),
  abbreviation('đsq', 'đại sứ quán'),
  abbreviation('cqđd', 'cơ quan đại diện'),
  abbreviation('cqdd', 'cơ quan đại diện'),
  abbreviation('dsq', 'đại sứ quán'),
  abbreviation('lsq', 'lãnh sự quán'),
  abbreviation('tlsq', 'tổng lãnh sự quán'),
  abbreviation('cmnd', 'chứng minh nhân dân'),
  abbreviation('cccd', 'căn cước công dân'),
  abbreviation('ubnd', 'ủy ban nhân dân'),
  abbreviation('bhxh', 'bảo hiểm xã hội'),
  abbreviation('bhyt', 'bảo hiểm y tế'),
  abbreviation('tts', 'thực tập sinh'),
  abbreviation('vn', 'việt nam'),
  abbreviation('vnd', 'đồng'),
  abbreviation('usd', 'đô la'),
  abbreviation('đô', 'đô la'),
  abbreviation('lđtbxh', 'lao động thương binh và xã hội'),
  abbreviation('ldtbxh', 'lao động thương binh và xã hội'),
  abbreviation('sở lđ', 'sở lao động'),
  abbreviation('dn', 'doanh nghiệp'),
  abbreviation('cty', 'công ty'),
  abbreviation('ct', 'công ty', 'chương trình'),
  abbreviation('eps', 'chương trình cấp phép việc làm'),
  abbreviation('gcm', 'hiệp ước toàn cầu về di cư'),
  abbreviation('iom', 'tổ chức di cư quốc tế'),
  abbreviation('ilo', 'tổ chức lao động quốc tế'),
];

/**
 * Destinations, with their everyday short names; each is also a "nước ngoài" (abroad), which
 * lets "bé sinh bên Đức" find a FAQ about children born abroad.
 */
const place = (name: string, ...shortNames: string[]): SynonymEntry[] => [
  { term: name, expansions: [], broader: ['nước ngoài'] },
  ...shortNames.map((short) => ({ term: short, expansions: [name], broader: ['nước ngoài'] })),
];

const PLACES: SynonymEntry[] = [
  ...place('hàn quốc', 'hq', 'hàn', 'xứ hàn', 'xứ kim chi'),
  // "Đài" alone is also a radio station or a switchboard ("tổng đài"): only after a word of going or being there.
  ...place('đài loan', 'đl', 'bên đài', 'qua đài', 'sang đài', 'đi đài'),
  ...place('nhật bản', 'nb', 'nhật', 'xứ phù tang'),
  ...place('trung quốc', 'tq'),
  ...place('hoa kỳ', 'mỹ'),
  ...place('australia', 'úc'),
  ...place('đức'),
  ...place('singapore', 'sing'),
  ...place('malaysia', 'mã lai', 'malay'),
  ...place('campuchia', 'cpc'),
  ...place('lào'),
  ...place('thái lan'),
  ...place('châu âu', 'eu'),
  ...place('liên bang nga'),
  ...place('anh quốc', 'vương quốc anh'),
  ...place('cộng hòa pháp'),
  ...place('canada'),
  ...place('ả rập xê út', 'saudi'),
  ...place('trung đông'),
  ...place('châu phi'),
  // In migrants' speech "over there" is often the destination country, but not always: a
  // broader reading only, one way.
  { term: 'bên đó', expansions: [], broader: ['nước ngoài'] },
  { term: 'bên kia', expansions: [], broader: ['nước ngoài'] },
  { term: 'bên ấy', expansions: [], broader: ['nước ngoài'] },
  abbreviation('dl', 'đài loan', 'du lịch'),
  {
    ...equivalents('nước ngoài', 'ngoại quốc', 'hải ngoại', 'nước khác'),
    broader: ['trong và ngoài nước'],
  },
];

/** Equivalent ways of naming the same thing in the migration field. */
const FIELD_EQUIVALENTS: SynonymEntry[] = [
  equivalents('thị thực', 'visa'),
  equivalents('giấy phép lao động', 'work permit'),
  equivalents(
    'xuất khẩu lao động',
    'đi làm việc ở nước ngoài',
    'lao động ở nước ngoài',
    'đi lao động nước ngoài',
    'lao động nước ngoài',
    'đi làm nước ngoài',
  ),
  equivalents('mua bán người', 'buôn người', 'buôn bán người'),
  // Said of a person, being sold is being trafficked.
  equivalents('bị mua bán', 'bị buôn bán', 'bị bán'),
  // The GCM's Vietnamese names: the official "Thỏa thuận toàn cầu về di cư…" and a common rendering.
  equivalents(
    'thỏa thuận toàn cầu về di cư',
    'hiệp ước toàn cầu về di cư',
    'thỏa thuận gcm',
    'hiệp ước gcm',
  ),
  // Seen from Việt Nam, "in the country" is in Việt Nam.
  { ...equivalents('trong nước', 'ở việt nam', 'tại việt nam'), broader: ['trong và ngoài nước'] },
  equivalents('lừa đảo', 'lừa', 'scam'),
  equivalents('mất', 'đánh mất', 'làm mất', 'thất lạc', 'đánh rơi'),
  // "Mất" before a length of time is "takes", not "lost": "làm hộ chiếu mất bao lâu".
  equivalents('mất bao lâu', 'bao lâu', 'trong bao lâu', 'mất mấy ngày', 'mất bao nhiêu ngày'),
  equivalents('gửi tiền', 'chuyển tiền', 'kiều hối'),
  equivalents('tiền lương', 'lương', 'tiền công'),
  equivalents('nợ lương', 'quỵt lương', 'chậm lương', 'không trả lương', 'trả thiếu lương'),
  // Not the bare "chủ": it is also the owner of anything, a topic ("chủ đề"), Sunday.
  equivalents(
    'người sử dụng lao động',
    'chủ sử dụng lao động',
    'chủ lao động',
    'ông chủ',
    'bà chủ',
  ),
  equivalents('công ty', 'doanh nghiệp'),
  equivalents('môi giới', 'trung gian'),
  // In labour migration a "cò" is an unlicensed broker (also a stork or a trigger elsewhere):
  // one way, a question with "cò" also looks for "môi giới".
  abbreviation('cò', 'môi giới'),
  // "tiếng" alone is also a sound or an hour; with "học" or "biết" it is a language.
  equivalents('học ngoại ngữ', 'học tiếng'),
  equivalents('biết ngoại ngữ', 'biết tiếng'),
  // Not "về quê" (going to one's home village, from anywhere) nor a bare "trở về".
  equivalents('về nước', 'hồi hương', 'về việt nam'),
  equivalents('vượt biên', 'đi chui', 'đi lậu', 'nhập cảnh trái phép', 'xuất cảnh trái phép'),
  equivalents('làm chui', 'làm lậu', 'làm việc bất hợp pháp', 'làm việc trái phép'),
  equivalents('nhà máy', 'xưởng', 'công xưởng'),
  equivalents('thường trú', 'hộ khẩu'),
  equivalents('đại sứ quán', 'lãnh sự quán', 'tổng lãnh sự quán', 'cơ quan đại diện'),
  equivalents('trẻ em', 'trẻ con', 'con nhỏ', 'con trẻ'),
  { term: 'em bé', expansions: [], broader: ['trẻ em'] },
  equivalents('cha mẹ', 'bố mẹ', 'ba mẹ'),
  equivalents('thất nghiệp', 'mất việc', 'không có việc làm'),
  equivalents('việc làm', 'công việc'),
  equivalents('kiểm tra sức khỏe', 'khám sức khỏe'),
  equivalents('tàu cá', 'tàu đánh cá'),
  // A fisherman ("ngư dân") is not necessarily a crew member, nor a crew member a fisherman.
  equivalents('thuyền viên', 'thủy thủ'),
  equivalents('tuyển dụng', 'tuyển người', 'tuyển lao động'),
  equivalents('cấm xuất cảnh', 'tạm hoãn xuất cảnh'),
  equivalents('du học', 'đi học nước ngoài', 'học ở nước ngoài'),
  equivalents('kết hôn', 'lấy chồng', 'lấy vợ', 'cưới'),
  equivalents('người nước ngoài', 'người ngoại quốc'),
  { term: 'người tây', expansions: [], broader: ['người nước ngoài'] },
  equivalents('giấy tờ', 'hồ sơ', 'thủ tục giấy tờ'),
  // Not "tiền" (money of any kind).
  equivalents('chi phí', 'phí tổn'),
  equivalents('lệ phí', 'phí'),
  equivalents('tai nạn lao động', 'tai nạn khi làm việc'),
  // Not "được phép" (allowed), which is no licence.
  equivalents('giấy phép', 'cấp phép'),
  equivalents('kiểm tra', 'xem kỹ', 'rà soát'),
  // What one must meet to be allowed something: "đủ tiêu chuẩn" is "đủ điều kiện".
  equivalents('điều kiện', 'tiêu chuẩn'),
  equivalents('xuất cảnh', 'xuất ngoại', 'ra nước ngoài', 'rời việt nam'),
  equivalents('công an', 'cảnh sát', 'police'),
  equivalents('bắt giữ', 'bị bắt', 'bị bắt giữ'),
  { term: 'tạm giữ', expansions: [], broader: ['bắt giữ'] },
  { term: 'tạm giam', expansions: [], broader: ['bắt giữ'] },
  // Not "bỏ trốn": absconding from the employer is not giving notice.
  equivalents('nghỉ việc', 'bỏ việc', 'thôi việc', 'nghỉ ngang'),
  equivalents('chấm dứt hợp đồng', 'thanh lý hợp đồng', 'hủy hợp đồng', 'phá hợp đồng'),
  // Programmes and kinds of work abroad, and what goes wrong there.
  equivalents('thực tập sinh', 'tu nghiệp sinh', 'thực tập sinh kỹ năng'),
  equivalents('giúp việc gia đình', 'giúp việc nhà', 'người giúp việc', 'ô sin'),
  equivalents('lao động cưỡng bức', 'cưỡng bức lao động', 'lao động khổ sai'),
  equivalents('cư trú bất hợp pháp', 'cư trú trái phép', 'ở lại trái phép', 'ở lậu'),
  equivalents('tiền môi giới', 'phí môi giới'),
  equivalents('tiền đặt cọc', 'đặt cọc', 'tiền cọc'),
  // "đòi cọc", "nộp cọc": a bare "cọc" (also a stake) read one way as the deposit.
  abbreviation('cọc', 'tiền đặt cọc'),
  // Being beaten is one kind of abuse ("bạo hành"), not the other way round.
  { ...equivalents('bị đánh', 'bị đánh đập', 'bị hành hung'), broader: ['bạo hành'] },
  equivalents('bị nhốt', 'bị giam lỏng', 'bị giam giữ'),
  equivalents('bắt cóc', 'bị bắt cóc'),
  equivalents('tiền chuộc', 'đòi tiền chuộc'),
  // The field's topics as people name them: procedures, money, programmes, family, help.
  equivalents('hợp pháp', 'chính ngạch', 'đúng luật', 'đúng pháp luật'),
  equivalents('bất hợp pháp', 'trái phép', 'không hợp pháp', 'trái pháp luật'),
  equivalents('hoàn lại tiền', 'hoàn tiền', 'trả lại tiền', 'lấy lại tiền', 'đòi lại tiền'),
  equivalents('học nghề', 'đào tạo nghề'),
  equivalents('qua đời', 'tử vong'),
  equivalents('mất liên lạc', 'không liên lạc được', 'bặt tin', 'bặt vô âm tín'),
  equivalents('bạo hành', 'bạo lực gia đình'),
  equivalents('trục xuất', 'bị đuổi về nước', 'bị trả về nước'),
  equivalents('con nuôi', 'nhận nuôi', 'xin con nuôi'),
  equivalents('không quốc tịch', 'vô quốc tịch'),
  equivalents(
    'xác nhận tình trạng hôn nhân',
    'xác nhận độc thân',
    'giấy độc thân',
    'giấy xác nhận độc thân',
  ),
  equivalents('đường dây nóng', 'hotline'),
  equivalents('sòng bài', 'sòng bạc'),
  equivalents('lao động thời vụ', 'lao động mùa vụ', 'làm thời vụ', 'làm mùa vụ'),
  equivalents('kỹ năng đặc định', 'tokutei'),
  equivalents('dân tộc thiểu số', 'đồng bào dân tộc', 'người dân tộc'),
  equivalents('nợ nần', 'mắc nợ', 'vỡ nợ'),
  equivalents('bỏ trốn', 'trốn ra ngoài', 'bỏ ra ngoài làm'),
  equivalents('tiền ký quỹ', 'ký quỹ'),
  equivalents('tiền dịch vụ', 'phí dịch vụ'),
  equivalents('bồi dưỡng kiến thức cần thiết', 'giáo dục định hướng', 'học định hướng'),
  equivalents('bảo hộ công dân', 'bảo hộ người việt'),
];

/**
 * Identity and civil-status papers: each is a "giấy tờ tùy thân", and one is not another (a
 * question about "căn cước" is not answered by a FAQ about "hộ chiếu").
 */
const paper = (term: string, ...expansions: string[]): SynonymEntry => ({
  term,
  expansions,
  mutual: true,
  broader: ['giấy tờ tùy thân'],
});

const PAPERS: SynonymEntry[] = [
  paper('hộ chiếu', 'passport'),
  paper('căn cước công dân', 'căn cước', 'chứng minh nhân dân', 'chứng minh thư'),
  paper('giấy khai sinh'),
  paper('thẻ cư trú'),
  paper('thẻ tạm trú'),
  paper('giấy chứng nhận kết hôn'),
  paper('lý lịch tư pháp'),
];

/** Apps and sites people meet recruiters and traffickers on. */
const ONLINE: SynonymEntry[] = [
  'facebook',
  'zalo',
  'tiktok',
  'telegram',
  'viber',
  'messenger',
  'whatsapp',
].map((app) => ({
  term: app,
  expansions: [],
  broader: ['mạng xã hội', 'qua mạng', 'ứng dụng nhắn tin'],
}));

export const STARTER_SYNONYMS: readonly SynonymEntry[] = [
  ...TEENCODE,
  ...SPOKEN,
  ...FIELD_ABBREVIATIONS,
  ...PLACES,
  ...FIELD_EQUIVALENTS,
  ...PAPERS,
  ...ONLINE,
];
