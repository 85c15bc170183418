import { describe, expect, it } from 'vitest';
import { DEFAULT_DECISION } from './confidence';
import {
  createMatcher,
  STARTER_GLOSSARY,
  STARTER_SYNONYMS,
  type FaqEntry,
  type MatchResult,
  type SynonymEntry,
} from '.';

// Small fixtures written for these tests (not the dev set), built with factories.
const faq = (
  id: string,
  question: string,
  answer: string,
  extra: Partial<FaqEntry> = {},
): FaqEntry => ({
  id,
  question,
  alternates: [],
  answer,
  ...extra,
});

const VISA = faq(
  'visa-extension',
  'Gia hạn thị thực khi đang làm việc ở Hàn Quốc cần những gì?',
  'Bạn cần nộp hồ sơ gia hạn trước khi thị thực hết hạn tại cơ quan xuất nhập cảnh của Hàn Quốc, kèm hợp đồng lao động còn hiệu lực.',
  { topic: 'Gia hạn thị thực lao động' },
);
const TRAFFICKING = faq(
  'trafficking-signs',
  'Dấu hiệu nhận biết đường dây mua bán người là gì?',
  'Hãy cảnh giác với lời hứa việc nhẹ lương cao, bị giữ giấy tờ tùy thân, bị hạn chế đi lại. Khi nghi ngờ, báo ngay cho công an.',
  {
    topic: 'Phòng chống mua bán người',
    questionEn: 'What are the signs of human trafficking?',
    answerEn:
      'Be wary of promises of easy, well-paid work, confiscated documents and restricted movement. Report to the police.',
  },
);
const STUDY = faq(
  'study-abroad',
  'Đi du học cần chuẩn bị hồ sơ và tài chính như thế nào?',
  'Hồ sơ du học thường gồm hộ chiếu, giấy báo nhập học, chứng minh tài chính và chứng chỉ ngoại ngữ theo yêu cầu của trường.',
);
const MARRIAGE = faq(
  'foreign-marriage',
  'Kết hôn với người nước ngoài cần làm thủ tục gì?',
  'Hai bên nộp hồ sơ đăng ký kết hôn tại Ủy ban nhân dân cấp tỉnh, kèm giấy xác nhận tình trạng hôn nhân và giấy khám sức khỏe.',
);
const SELLER = faq(
  'online-seller',
  'Người bán hàng online ở nước ngoài cần đăng ký gì?',
  'Người bán cần đăng ký kinh doanh theo luật nước sở tại.',
);
const PARTNER = faq(
  'trading-partner',
  'Người bạn hàng online ở nước ngoài cần đăng ký gì?',
  'Bạn hàng nên có hợp đồng rõ ràng với đối tác.',
);

const BASE = [VISA, TRAFFICKING, STUDY, MARRIAGE];

function matcherWith(
  faqs: FaqEntry[] = BASE,
  synonyms: readonly SynonymEntry[] = STARTER_SYNONYMS,
) {
  return createMatcher({ faqs, synonyms, glossary: STARTER_GLOSSARY });
}

const answeredWith = (result: MatchResult): string | undefined =>
  result.status === 'no_answer' ? undefined : result.best?.id;

describe('createMatcher: finding the FAQ', () => {
  const matcher = matcherWith();

  it('matches a question typed with full diacritics', () => {
    const result = matcher.match('Gia hạn thị thực ở Hàn Quốc cần giấy tờ gì?');
    expect(result.status).toBe('answered');
    expect(result.best?.id).toBe('visa-extension');
    expect(result.locale).toBe('vi');
  });

  it('matches a question typed without any diacritics', () => {
    expect(answeredWith(matcher.match('gia han thi thuc o han quoc can gi'))).toBe(
      'visa-extension',
    );
    expect(answeredWith(matcher.match('ket hon voi nguoi nuoc ngoai lam thu tuc gi'))).toBe(
      'foreign-marriage',
    );
  });

  it('expands phone abbreviations and teencode', () => {
    // Each of these is refused when the synonym dictionary is empty.
    expect(answeredWith(matcher.match('hs du hc gồm j'))).toBe('study-abroad');
    expect(answeredWith(matcher.match('ko bít tiếng có đi du hc đc ko'))).toBe('study-abroad');
    expect(answeredWith(matcher.match('xin visa ở HQ lâu ko'))).toBe('visa-extension');
  });

  it('reads the field’s written abbreviations: tnlđ, qtich', () => {
    const abroad = matcherWith([
      ...BASE,
      faq(
        'work-accident',
        'Bị tai nạn lao động ở nước ngoài thì được hỗ trợ gì?',
        'Báo ngay chủ sử dụng và doanh nghiệp đưa đi; được hưởng bảo hiểm tai nạn lao động.',
      ),
      faq(
        'child-nationality',
        'Con sinh ra ở nước ngoài thì có quốc tịch Việt Nam không?',
        'Cha mẹ đăng ký khai sinh cho con tại cơ quan đại diện Việt Nam để con có quốc tịch Việt Nam.',
      ),
    ]);
    expect(abroad.match('bị tnlđ rồi').best?.id).toBe('work-accident');
    expect(abroad.match('chưa có qtich thì sao').best?.id).toBe('child-nationality');
  });

  it('refuses the same abbreviated questions without the dictionaries', () => {
    const bare = createMatcher({ faqs: BASE, synonyms: [], glossary: [] });
    for (const question of ['hs du hc gồm j', 'xin visa ở HQ lâu ko']) {
      expect(bare.match(question).status).toBe('no_answer');
    }
  });

  it('tolerates a one-letter typo in a syllable', () => {
    // "ngaoi" (swapped letters) and "thủ tụcc" (doubled letter).
    expect(answeredWith(matcher.match('ket hon voi nguoi nuoc ngaoi can thu tucc gi'))).toBe(
      'foreign-marriage',
    );
  });

  it('finds a Vietnamese-only FAQ from an English question through the glossary', () => {
    const result = matcher.match('How do I extend my visa in Korea?');
    expect(answeredWith(result)).toBe('visa-extension');
    expect(result.locale).toBe('vi');
  });

  it('reads how English questions ask: the difference, how long, the requirements, the signs', () => {
    const papers = matcherWith([
      ...BASE,
      faq(
        'passport-or-visa',
        'Hộ chiếu và thị thực (visa) khác nhau như thế nào?',
        'Hộ chiếu do Việt Nam cấp cho công dân; thị thực do nước đến cấp, cho phép nhập cảnh.',
      ),
      faq(
        'passport-validity',
        'Hộ chiếu phổ thông có giá trị bao lâu?',
        'Hộ chiếu phổ thông có thời hạn 10 năm; người dưới 14 tuổi được cấp hộ chiếu thời hạn 5 năm.',
      ),
      faq(
        'work-conditions',
        'Cần đáp ứng những điều kiện gì để đi làm việc ở nước ngoài theo hợp đồng?',
        'Đủ 18 tuổi, đủ sức khỏe, có trình độ ngoại ngữ và tay nghề theo yêu cầu của bên tiếp nhận.',
      ),
      faq(
        'passport-time',
        'Làm hộ chiếu mất bao lâu thì nhận được?',
        'Thường trong 8 ngày làm việc kể từ khi nộp đủ hồ sơ hợp lệ.',
      ),
      faq(
        'scam-signs',
        'Dấu hiệu của tin tuyển dụng lừa đảo trên mạng là gì?',
        'Hứa lương cao, việc nhẹ, đòi đặt cọc trước, không có hợp đồng rõ ràng.',
      ),
    ]);
    expect(papers.match('What is the difference between a passport and a visa?').best?.id).toBe(
      'passport-or-visa',
    );
    expect(papers.match('How long is a passport valid?').best?.id).toBe('passport-validity');
    expect(papers.match('What are the requirements to work abroad?').best?.id).toBe(
      'work-conditions',
    );
    expect(papers.match('How long does it take to get a passport?').best?.id).toBe('passport-time');
    expect(papers.match('What are the warning signs of a fake job ad online?').best?.id).toBe(
      'scam-signs',
    );
  });

  it('reads English connectives as function words and everyday verbs through the glossary', () => {
    const everyday = matcherWith([
      ...BASE,
      faq(
        'passport-kept',
        'Chủ ở nước ngoài giữ hộ chiếu của người lao động có được phép không?',
        'Không. Hộ chiếu là tài sản của bạn; hãy báo cơ quan đại diện Việt Nam gần nhất.',
      ),
      faq(
        'passport-lost-abroad',
        'Bị mất hộ chiếu khi đang ở nước ngoài thì làm sao?',
        'Báo công an nơi mất và liên hệ cơ quan đại diện Việt Nam để được cấp giấy tờ về nước.',
      ),
      faq(
        'talk-to-staff',
        'Muốn nói chuyện với cán bộ thì làm thế nào?',
        'Bấm nút "Gặp cán bộ" hoặc gõ "gặp cán bộ"; cán bộ sẽ trả lời trong giờ hành chính.',
      ),
    ]);
    const answered = (text: string) => {
      const result = everyday.match(text);
      return result.status === 'answered' ? result.best?.id : result.status;
    };
    // "while" and "now" are no topic of their own: the question is all about the lost passport.
    expect(answered('my passport was lost while travelling abroad, what now')).toBe(
      'passport-lost-abroad',
    );
    // "keeping" is "giữ", "allowed" "được phép": the FAQ is offered first, no longer missed.
    const kept = everyday.match('My employer abroad is keeping my passport. Is that allowed?');
    expect(kept.status).not.toBe('no_answer');
    expect(kept.best?.id).toBe('passport-kept');
    expect(answered('How can I talk to a real person?')).toBe('talk-to-staff');
  });

  it('answers in English when the question is English and the FAQ has an English version', () => {
    const result = matcher.match('What are the signs of human trafficking?');
    expect(answeredWith(result)).toBe('trafficking-signs');
    expect(result.locale).toBe('en');
  });

  it('follows the caller-given locale', () => {
    expect(matcher.match('mua bán người', { locale: 'en' }).locale).toBe('en');
    expect(matcher.match('mua bán người', { locale: 'vi' }).locale).toBe('vi');
  });
});

describe('createMatcher: saying honestly that no FAQ fits', () => {
  const matcher = matcherWith();

  it.each([
    'Giá vàng hôm nay bao nhiêu một chỉ?',
    'cách nấu phở bò ngon tại nhà',
    'Tối nay đội tuyển Việt Nam đá mấy giờ?',
    'cho mình hỏi với ạ',
  ])('refuses %j', (question) => {
    const result = matcher.match(question);
    expect(result.status).toBe('no_answer');
    expect(result.best).toBeUndefined();
    expect(result.suggestions).toEqual([]);
    expect(result.confidence).toBeLessThan(0.3);
  });

  it.each([
    ['empty', ''],
    ['10,000 characters', 'xyz '.repeat(2_500)],
    ['emoji only', '😀🙏🇻🇳🔥'],
    ['punctuation only', '?!?!...,,;;'],
    ['zero-width only', '\u200B\u200C\u200D\uFEFF'],
    ['HTML', '<script>alert(1)</script><b></b>'],
    ['SQL', "'; DROP TABLE faqs; --"],
    ['mixed scripts', 'Привет 你好 مرحبا'],
  ])('returns no_answer without throwing for %s input', (_label, input) => {
    expect(() => matcher.match(input)).not.toThrow();
    expect(matcher.match(input).status).toBe('no_answer');
  });

  it('reads only the start of a very long input', () => {
    const question = 'Kết hôn với người nước ngoài cần làm thủ tục gì?';
    expect(answeredWith(matcher.match(`${question} ${'blah '.repeat(2_000)}`))).toBe(
      'foreign-marriage',
    );
    expect(matcher.match(`${'blah '.repeat(2_000)} ${question}`).status).toBe('no_answer');
  });

  it('never throws on non-string input', () => {
    for (const input of [undefined, null, 42, {}, []]) {
      expect(matcher.match(input).status).toBe('no_answer');
    }
  });

  it('keeps confidences in [0, 1]', () => {
    for (const question of [
      'thị thực',
      'gia hạn thị thực hàn quốc',
      'visa visa visa visa visa visa',
    ]) {
      const { confidence, suggestions } = matcher.match(question);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      for (const s of suggestions) expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('createMatcher: normalisation', () => {
  const matcher = matcherWith([...BASE, SELLER, PARTNER]);

  it('prefers the exact diacritics over a folded collision ("bán" vs "bạn")', () => {
    const sell = matcher.match('người bán hàng online ở nước ngoài đăng ký gì');
    const partner = matcher.match('người bạn hàng online ở nước ngoài đăng ký gì');
    expect(sell.best?.id).toBe('online-seller');
    expect(partner.best?.id).toBe('trading-partner');
    // Without diacritics both readings fit equally: the matcher must not pretend otherwise.
    expect(matcher.match('nguoi ban hang online o nuoc ngoai dang ky gi').status).toBe('ambiguous');
  });

  it('gives the same result for NFD and NFC input', () => {
    const nfc = 'Kết hôn với người nước ngoài cần thủ tục gì?'.normalize('NFC');
    expect(matcher.match(nfc.normalize('NFD'))).toEqual(matcher.match(nfc));
  });

  it('ignores zero-width characters inside words', () => {
    const clean = 'kết hôn với người nước ngoài';
    const dirty = 'kế\u200Bt hô\u200Dn với ng\uFEFFười nước ngoài';
    expect(matcher.match(dirty)).toEqual(matcher.match(clean));
  });

  it('ignores HTML tags and emoji around a real question', () => {
    expect(answeredWith(matcher.match('<p>🙏 Đi <b>du học</b> cần hồ sơ gì ạ?? 😭</p>'))).toBe(
      'study-abroad',
    );
  });
});

describe('createMatcher: telling close FAQs apart', () => {
  const LABOUR_COSTS = faq(
    'labour-korea-costs',
    'Đi xuất khẩu lao động Hàn Quốc cần những chi phí gì?',
    'Người lao động nộp tiền ký quỹ, phí khám sức khỏe, học tiếng và vé máy bay; doanh nghiệp không được thu thêm phí môi giới.',
    { alternates: ['đi làm việc ở Hàn Quốc hết bao nhiêu tiền'] },
  );
  const STUDY_COSTS = faq(
    'study-korea-costs',
    'Đi du học Hàn Quốc cần những chi phí gì?',
    'Du học sinh cần chuẩn bị học phí, sinh hoạt phí, bảo hiểm và chứng minh tài chính theo yêu cầu của trường.',
  );
  const LOST_PASSPORT = faq(
    'lost-passport',
    'Bị mất hộ chiếu ở nước ngoài thì phải làm gì?',
    'Báo ngay cho công an sở tại và cơ quan đại diện Việt Nam để được cấp giấy tờ thay thế.',
  );
  const matcher = matcherWith([LABOUR_COSTS, STUDY_COSTS, LOST_PASSPORT, MARRIAGE]);

  it.each(['đi hàn quốc cần chi phí gì', 'di han quoc can nhung chi phi gi'])(
    'offers both FAQs for %j, which names neither labour nor study',
    (question) => {
      const result = matcher.match(question);
      expect(result.status).toBe('ambiguous');
      expect(result.suggestions.map((s) => s.id).sort()).toEqual([
        'labour-korea-costs',
        'study-korea-costs',
      ]);
      const [first, second] = result.suggestions;
      expect(first.confidence - second.confidence).toBeLessThan(0.05);
    },
  );

  it('answers the one the question names', () => {
    for (const question of [
      'đi xkld hàn quốc hết bao nhiêu tiền',
      'đi làm việc ở hàn quốc tốn bao nhiêu',
    ]) {
      const result = matcher.match(question);
      expect(result.status).toBe('answered');
      expect(result.best?.id).toBe('labour-korea-costs');
    }
    const study = matcher.match('du học hàn quốc tốn bao nhiêu tiền');
    expect(study.status).toBe('answered');
    expect(study.best?.id).toBe('study-korea-costs');
  });

  it('does not answer with a FAQ about another country or another paper', () => {
    // Same wording, but Japan is not Korea and an ID card is not a passport.
    expect(matcher.match('đi du học nhật bản cần những chi phí gì').status).not.toBe('answered');
    expect(matcher.match('bị mất căn cước ở nước ngoài thì phải làm gì').status).not.toBe(
      'answered',
    );
    expect(answeredWith(matcher.match('mất passport ở hàn quốc phải làm sao'))).toBe(
      'lost-passport',
    );
  });

  it('reads "mất bao lâu" as how long it takes, not as something lost', () => {
    const NEW_PASSPORT = faq(
      'new-passport',
      'Làm hộ chiếu ở đâu, thủ tục thế nào?',
      'Nộp hồ sơ tại cơ quan quản lý xuất nhập cảnh hoặc trên Cổng dịch vụ công; hộ chiếu được cấp trong thời hạn luật định.',
    );
    const passports = matcherWith([NEW_PASSPORT, LOST_PASSPORT, LABOUR_COSTS, MARRIAGE]);
    for (const question of ['làm hộ chiếu mất bao lâu', 'lam ho chieu mat bao lau']) {
      const result = passports.match(question);
      expect(result.best?.id, question).toBe('new-passport');
    }
    expect(answeredWith(passports.match('mất hộ chiếu ở nước ngoài'))).toBe('lost-passport');
  });

  it('reads "cơ quan nào" as asking where to go, not as a topic', () => {
    const lost = matcherWith([
      faq(
        'lost-at-home',
        'Bị mất hộ chiếu ở trong nước thì phải làm gì?',
        'Khai báo với Công an cấp xã nơi gần nhất hoặc trên Cổng dịch vụ công trong 48 giờ.',
      ),
      faq(
        'lost-abroad',
        'Bị mất hộ chiếu khi đang ở nước ngoài thì làm sao?',
        'Báo cảnh sát nước sở tại, rồi đến cơ quan đại diện Việt Nam gần nhất để được cấp giấy tờ về nước.',
      ),
    ]);
    const question = 'Ở Việt Nam mà đánh mất hộ chiếu thì cần báo cho cơ quan nào?';
    expect(lost.match(question).best?.id).toBe('lost-at-home');
  });

  it('reads "đi Nhật về", "qua Đài về" as back home, not as going there', () => {
    const faqs = [
      faq(
        'returnee-loans',
        'Người về nước muốn vay vốn làm ăn thì hỏi ở đâu?',
        'Hỏi Ngân hàng Chính sách xã hội nơi cư trú về các chương trình cho vay tạo việc làm.',
      ),
      faq(
        'loans-to-go',
        'Có được vay vốn ưu đãi để đi làm việc ở Nhật Bản, Đài Loan không?',
        'Người lao động thuộc một số đối tượng được vay vốn ưu đãi tại Ngân hàng Chính sách xã hội.',
      ),
      faq(
        'remittances',
        'Gửi tiền về nhà từ nước ngoài thế nào cho an toàn?',
        'Gửi qua ngân hàng hoặc công ty chuyển tiền được cấp phép.',
      ),
    ];
    const loans = matcherWith(faqs);
    for (const question of [
      'đi Nhật về muốn vay vốn mở xưởng',
      'di nhat ban ve muon vay von mo xuong',
      'em qua Đài về có chút vốn, muốn vay thêm',
    ]) {
      expect(loans.match(question).best?.id, question).toBe('returnee-loans');
    }
    // Going there, or a "về" that says where to: not back home.
    expect(loans.match('vay vốn đi Nhật').best?.id).toBe('loans-to-go');
    expect(loans.match('gửi tiền từ Nhật về nhà').best?.id).toBe('remittances');
  });
});

describe('createMatcher: the words a question is asked with', () => {
  // Typed without diacritics, two FAQs explain about as much of these questions; the one whose
  // wording the question follows, what is asked included, comes first (overlap.ts).
  const faqs = [
    faq(
      'violence',
      'Bị chồng hoặc gia đình chồng bạo hành ở nước ngoài thì làm sao?',
      'Gọi cảnh sát nước sở tại và cơ quan đại diện Việt Nam.',
    ),
    faq(
      'marriage-broker',
      'Dấu hiệu nào cho thấy môi giới lấy chồng nước ngoài có nguy cơ mua bán người?',
      'Hứa hẹn nhiều tiền, giấu thông tin về người chồng, đưa đi trước rồi làm giấy tờ sau.',
    ),
    faq(
      'detained',
      'Bị bắt giữ ở nước ngoài có được liên hệ cơ quan đại diện Việt Nam không?',
      'Có: hãy đề nghị cảnh sát báo cho Đại sứ quán hoặc Tổng lãnh sự quán.',
    ),
    faq(
      'illegal-return',
      'Người thân đang ở nước ngoài bất hợp pháp muốn về nước thì phải làm gì?',
      'Liên hệ cơ quan đại diện Việt Nam để được xác minh nhân thân và cấp giấy tờ về nước.',
    ),
  ];
  const matcher = matcherWith(faqs);

  it.each([
    ['lay chong nuoc ngoai bi nha chong danh dap thi goi ai', 'violence'],
    ['nguoi nha bi canh sat nuoc ngoai bat thi co duoc bao cho dai su quan khong', 'detained'],
  ])('puts first the FAQ %j follows', (question, expected) => {
    const result = matcher.match(question);
    expect(result.status).not.toBe('no_answer');
    expect(result.suggestions[0]?.id).toBe(expected);
  });
});

describe('createMatcher: three outcomes', () => {
  const KEPT_PASSPORT = faq(
    'kept-passport',
    'Chủ ở nước ngoài giữ hộ chiếu của tôi thì phải làm gì?',
    'Người sử dụng lao động không được giữ hộ chiếu của người lao động. Hãy báo cho cơ quan đại diện Việt Nam.',
  );
  const matcher = matcherWith([...BASE, KEPT_PASSPORT]);

  it('does not answer a missing FAQ with a neighbour’s answer', () => {
    // No FAQ says where to get a passport: the one about a kept passport is at most a choice.
    for (const text of ['làm hộ chiếu ở đâu', 'lam ho chieu o dau']) {
      expect(matcher.match(text).status).not.toBe('answered');
    }
  });

  it('offers up to three choices when no FAQ is sure', () => {
    const result = matcher.match('hộ chiếu bị giữ');
    expect(result.status).toBe('ambiguous');
    expect(result.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions[0].id).toBe('kept-passport');
  });

  it('tells a question outside the field from one inside it', () => {
    const outside = matcher.match('giá vàng hôm nay bao nhiêu');
    expect(outside).toMatchObject({ status: 'no_answer', inField: false });
    // A numeral says how many, not what about: "một" weighs as the digit "1" does, even where
    // FAQs' questions have it (and "giá").
    const withOne = matcherWith([
      ...BASE,
      faq(
        'own-employer',
        'Tự tìm được một chủ sử dụng lao động ở nước ngoài thì cần đăng ký gì?',
        'Đăng ký hợp đồng với Sở Nội vụ nơi bạn thường trú trước khi xuất cảnh.',
      ),
      faq(
        'passport-validity',
        'Hộ chiếu phổ thông có giá trị bao lâu?',
        'Hộ chiếu phổ thông có thời hạn 10 năm; người dưới 14 tuổi được cấp hộ chiếu thời hạn 5 năm.',
      ),
    ]);
    for (const text of ['giá vàng hôm nay bao nhiêu một chỉ', 'giá vàng hôm nay bao nhiêu 1 chỉ']) {
      expect(withOne.match(text)).toMatchObject({ status: 'no_answer', inField: false });
    }
    const inside = matcher.match('xin thị thực đi Úc cần gì');
    expect(inside.inField).toBe(true);
  });

  it('counts a phrase of the dictionary as the words typed for it, so naming the field is in it', () => {
    // "đi làm việc ở nước ngoài" is one phrase of the dictionary, its four words against four
    // that no FAQ has.
    for (const text of [
      'đi làm việc ở nước ngoài mức lương tối thiểu là bao nhiêu',
      'di lam viec o nuoc ngoai muc luong toi thieu la bao nhieu',
    ]) {
      expect(matcher.match(text).inField).toBe(true);
    }
    expect(matcher.match('mức lương tối thiểu vùng năm nay là bao nhiêu').inField).toBe(false);
  });

  it('tells it typed without diacritics too, where "gia" may be the field’s "gia hạn"', () => {
    for (const text of ['gia vang hom nay', 'gia vang hom nay bao nhieu']) {
      expect(matcher.match(text)).toMatchObject({ status: 'no_answer', inField: false });
    }
    expect(matcher.match('gia han thi thuc o han quoc').inField).toBe(true);
  });

  it('gives the chance that its best FAQ is right: high when it answers, lower when unsure, none with nothing to offer', () => {
    const answered = matcher.match('chủ giữ hộ chiếu của tôi ở nước ngoài thì phải làm gì');
    const unsure = matcher.match('hộ chiếu bị giữ');
    const outside = matcher.match('giá vàng hôm nay bao nhiêu');
    expect(answered.status).toBe('answered');
    expect(answered.chance).toBeGreaterThanOrEqual(DEFAULT_DECISION.answerProbability);
    expect(answered.chance).toBeLessThanOrEqual(1);
    expect(unsure.status).toBe('ambiguous');
    expect(unsure.chance).toBeGreaterThan(0);
    expect(unsure.chance).toBeLessThan(answered.chance ?? 0);
    expect(outside.chance).toBeUndefined();
  });

  it('answers at once a phrasing an editor recorded as an alternate', () => {
    const sut = matcherWith([...BASE, KEPT_PASSPORT]);
    const text = 'ông chủ cầm passport của em không trả';
    expect(sut.match(text).status).not.toBe('answered');
    sut.upsert({ ...KEPT_PASSPORT, alternates: [text] });
    expect(sut.match(text)).toMatchObject({ status: 'answered', best: { id: 'kept-passport' } });
  });
});

describe('createMatcher: editing the FAQ base and dictionaries', () => {
  it('finds an upserted FAQ and forgets a removed one', () => {
    const matcher = matcherWith([VISA, STUDY]);
    expect(matcher.match('kết hôn với người nước ngoài cần thủ tục gì').status).toBe('no_answer');
    matcher.upsert(MARRIAGE);
    expect(answeredWith(matcher.match('kết hôn với người nước ngoài cần thủ tục gì'))).toBe(
      'foreign-marriage',
    );
    expect(matcher.remove('foreign-marriage')).toBe(true);
    expect(matcher.remove('foreign-marriage')).toBe(false);
    expect(matcher.match('kết hôn với người nước ngoài cần thủ tục gì').status).toBe('no_answer');
    expect(matcher.size).toBe(2);
  });

  it('replaces a FAQ on upsert with the same id', () => {
    const matcher = matcherWith([VISA, STUDY]);
    matcher.upsert({
      ...STUDY,
      question: 'Đi xuất khẩu lao động ở Đài Loan cần bao nhiêu tiền?',
      answer: 'Chi phí...',
    });
    expect(matcher.size).toBe(2);
    expect(matcher.match('du học cần chuẩn bị hồ sơ tài chính').status).toBe('no_answer');
  });

  it('uses an abbreviation as soon as an editor adds it', () => {
    const matcher = matcherWith(BASE, []);
    expect(matcher.match('mn ơi dhoc thì sao').status).toBe('no_answer');
    matcher.setDictionaries({ synonyms: [{ term: 'dhoc', expansions: ['du học'] }] });
    expect(answeredWith(matcher.match('mn ơi dhoc thì sao'))).toBe('study-abroad');
  });

  it('reports two near-identical FAQs as ambiguous, with both as suggestions', () => {
    const twin = faq('visa-extension-2', VISA.question, 'Một câu trả lời khác cho cùng câu hỏi.');
    const result = matcherWith([VISA, twin, STUDY]).match('gia hạn thị thực ở Hàn Quốc');
    expect(result.status).toBe('ambiguous');
    expect(result.suggestions.map((s) => s.id).sort()).toEqual([
      'visa-extension',
      'visa-extension-2',
    ]);
  });
});

describe('createMatcher: the closest FAQs, for staff', () => {
  const matcher = matcherWith();

  it('lists the closest FAQs best first, answered or not, with their confidence', () => {
    const answered = matcher.match('đi du học cần chuẩn bị hồ sơ gì');
    expect(answered.nearest?.[0]).toEqual({ id: 'study-abroad', confidence: answered.confidence });

    const unanswered = matcher.match('chứng chỉ ngoại ngữ thi ở đâu');
    expect(unanswered.status).toBe('no_answer');
    expect(unanswered.suggestions).toEqual([]);
    expect(unanswered.nearest?.map((n) => n.id)).toContain('study-abroad');
    const confidences = unanswered.nearest?.map((n) => n.confidence) ?? [];
    expect(confidences.every((c) => c >= 0 && c <= 1)).toBe(true);
    expect(unanswered.nearest?.length).toBeLessThanOrEqual(5);
  });
});

describe('createMatcher: ranking for a search', () => {
  const PASSPORT = faq('passport', 'Làm hộ chiếu cho con ở đâu?', 'Tại phòng xuất nhập cảnh.');
  const PASSPORT_LOST = faq(
    'passport-lost',
    'Mất hộ chiếu ở nước ngoài thì làm gì?',
    'Báo công an nơi mất và liên hệ cơ quan đại diện.',
  );
  const RESIDENCE = faq('residence', 'Đăng ký hộ khẩu thế nào?', 'Nộp hồ sơ tại công an xã.');
  const matcher = createMatcher({ faqs: [RESIDENCE, PASSPORT, PASSPORT_LOST] });

  it('puts the FAQs with both words first, typed without diacritics', () => {
    const ranked = matcher.rank('mat ho chieu').map((r) => r.id);
    expect(ranked[0]).toBe('passport-lost');
    expect(ranked.slice(0, 2)).toContain('passport');
    expect(ranked.indexOf('residence')).toBeGreaterThan(1);
  });

  it('ranks nothing for words no FAQ has', () => {
    expect(matcher.rank('bitcoin')).toEqual([]);
  });
});
