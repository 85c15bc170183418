import { describe, expect, it } from 'vitest';
import { hotlineNumbers, namesHotline, soundsLikeDanger } from './danger';

describe('soundsLikeDanger', () => {
  it.each([
    'Em bị giữ hộ chiếu, không cho về',
    'em bi nhot trong nha chu',
    'bọn nó đòi tiền chuộc 5000 đô',
    'chồng em bj đánh ở bên đó',
    'em bị chủ đánh đập',
    'chị tôi bên đài bị chủ đánh, cho em số điện thoại cầu cứu',
    'bi bon no giu khong cho di',
    'chồng đánh em suốt',
    'công ty dọa tôi nếu về nước',
    'công ty này lừa em rồi',
    'cuu voi',
    'I am trapped and they took my passport',
  ])('hears danger in "%s"', (text) => {
    expect(soundsLikeDanger(text)).toBe(true);
  });

  it.each([
    'làm hộ chiếu ở đâu',
    'giá lúa hôm nay',
    'gia han visa han quoc can gi',
    'đi xuất khẩu lao động cần chi phí gì',
    'dấu hiệu mua bán người là gì',
    'làm sao nhận biết tin tuyển dụng lừa đảo',
    'bạn tôi muốn đi Nhật',
    'nghiên cứu về di cư',
    'bị giảm lương thì khiếu nại ở đâu',
    'bị công ty giảm lương',
    'bị chủ nhà đánh giá thấp',
    'bị chủ nợ gọi điện nhắc nợ',
    'bị ho mấy hôm nay',
  ])('hears none in "%s"', (text) => {
    expect(soundsLikeDanger(text)).toBe(false);
  });
});

describe('namesHotline', () => {
  it.each([
    'Ở nước ngoài: gọi đường dây nóng bảo hộ công dân **+84 981 84 84 84**.',
    'Gọi (024) 3799 2000 trong giờ hành chính',
    'Tổng đài: 0981.848.484',
    'Tổng đài miễn phí 1800 1567',
  ])('finds a hotline in %j', (route) => {
    expect(namesHotline(route)).toBe(true);
  });

  it.each([
    'Ở Việt Nam: gọi ngay **113** (Công an).',
    'Gọi 113; luật có hiệu lực từ 01/7/2025, Điều 44.',
    'Gọi 113 nếu bị đòi 50.000.000 đồng tiền chuộc (Kế hoạch 2021-2030).',
    'Ở nước ngoài: báo Đại sứ quán hoặc Tổng Lãnh sự quán Việt Nam gần nhất.',
  ])('finds none in %j', (route) => {
    expect(namesHotline(route)).toBe(false);
  });
});

describe('hotlineNumbers', () => {
  it('lists each number once, as written, and leaves out 113, dates and articles', () => {
    const route =
      'Gọi **113**. Ở nước ngoài: **+84 981 84 84 84** (24/24 giờ), theo văn bản 2544/BNG-LS ' +
      'ngày 17/7/2015; Sở Nội vụ: (024) 3799 2000. Nhắc lại: +84 981 84 84 84. Điều 44.';
    expect(hotlineNumbers(route)).toEqual(['+84 981 84 84 84', '(024) 3799 2000']);
  });

  it('ends a number at the end of its line', () => {
    expect(hotlineNumbers('Gọi 0981 848 484\n113 khi ở Việt Nam')).toEqual(['0981 848 484']);
  });
});
