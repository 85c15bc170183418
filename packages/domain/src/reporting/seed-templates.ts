import type { ReportField, ReportTemplateDefinition } from './template';

/**
 * The report templates of the city's plan (seed 002, part III.3), seeded as version 1 with the
 * demo data (apps/api/src/database/seeds/demo-reporting.ts). Staff edit them like any other
 * template afterwards.
 */

/** A required count of people, cases or sessions, with its unit. */
function count(key: string, label: string, unit: string, help?: string): ReportField {
  return { key, label, type: 'count', required: true, unit, ...(help ? { help } : {}) };
}

/**
 * Every unit with tasks in the plan reports on them each year before 05/11: the departments,
 * offices, police, military command and mass organisations of the city, and the commune and ward
 * committees. (The city and the province receive and aggregate the reports; they owe none.)
 */
export const PLAN_YEARLY_REPORT_TEMPLATE: ReportTemplateDefinition = deepFreeze({
  code: 'gcm_plan_yearly_report',
  title: 'Báo cáo tình hình thực hiện Kế hoạch triển khai Thỏa thuận GCM',
  description:
    'Các phòng, ban, đơn vị, ngành, đoàn thể thành phố, UBND các xã, phường báo cáo tình hình thực hiện Kế hoạch triển khai Thỏa thuận toàn cầu về Di cư hợp pháp, an toàn và trật tự về UBND thành phố (qua Văn phòng HĐND – UBND thành phố) trước ngày 05/11 hằng năm.',
  version: 1,
  owedBy: ['department', 'office', 'police', 'military', 'mass_organisation', 'commune'],
  schedule: { kind: 'yearly', due: { day: 5, month: 11 } },
  sections: [
    {
      key: 'tasks',
      title: 'Kết quả thực hiện nhiệm vụ',
      fields: [
        {
          key: 'tasks_carried_out',
          label: 'Các nhiệm vụ đã triển khai thực hiện trong năm',
          type: 'text',
          required: true,
          help: 'Nêu các nhiệm vụ đơn vị được giao tại Kế hoạch (chủ trì hoặc phối hợp) và việc đã làm: văn bản chỉ đạo, hoạt động, thời gian thực hiện.',
        },
        {
          key: 'results',
          label: 'Kết quả đạt được',
          type: 'text',
          required: true,
          help: 'Kết quả cụ thể, kèm số liệu nếu có; mức độ hoàn thành so với nhiệm vụ được giao.',
        },
      ],
    },
    {
      key: 'awareness',
      title: 'Công tác tuyên truyền, phổ biến',
      description: 'Số liệu trong năm báo cáo; nếu không có, nhập 0.',
      fields: [
        count(
          'awareness_sessions',
          'Số buổi tuyên truyền, phổ biến về di cư hợp pháp, an toàn và phòng, chống mua bán người',
          'buổi',
          'Tính cả hội nghị, buổi sinh hoạt lồng ghép tại thôn, tổ dân phố, trường học.',
        ),
        count(
          'awareness_participants',
          'Số lượt người tham dự các buổi tuyên truyền',
          'người',
          'Tổng số lượt người tham dự các buổi nêu ở mục trên.',
        ),
        {
          key: 'news_items',
          label: 'Số tin, bài, phóng sự đã đăng tải, phát sóng',
          type: 'count',
          required: false,
          unit: 'tin, bài',
          help: 'Trên cổng thông tin điện tử, đài truyền thanh, trang mạng xã hội của đơn vị.',
        },
        {
          key: 'staff_trained',
          label: 'Số lượt cán bộ được tập huấn, bồi dưỡng về di cư',
          type: 'count',
          required: false,
          unit: 'người',
        },
      ],
    },
    {
      key: 'assessment',
      title: 'Khó khăn, vướng mắc và đề xuất',
      fields: [
        {
          key: 'difficulties',
          label: 'Khó khăn, vướng mắc',
          type: 'text',
          required: false,
          help: 'Những khó khăn, vướng mắc trong quá trình thực hiện và nguyên nhân.',
        },
        {
          key: 'proposals',
          label: 'Đề xuất, kiến nghị',
          type: 'text',
          required: false,
          help: 'Đề xuất, kiến nghị với UBND thành phố và các cơ quan cấp trên.',
        },
      ],
    },
  ],
  rules: [
    {
      key: 'participants_cover_sessions',
      expression: 'awareness_participants >= awareness_sessions',
      message: 'Số lượt người tham dự không thể ít hơn số buổi tuyên truyền.',
    },
  ],
});

/**
 * The police send migration statistics every six months: the first half before 05/07, the second
 * before 05/01 of the next year (Appendix 2 of official letter 2132/BNG-LS of the Ministry of
 * Foreign Affairs). The categories are those of the plan's task 3.1.
 */
export const POLICE_MIGRATION_STATISTICS_TEMPLATE: ReportTemplateDefinition = deepFreeze({
  code: 'police_migration_statistics',
  title: 'Số liệu liên quan đến di cư 6 tháng',
  description:
    'Công an thành phố cung cấp số liệu liên quan đến di cư về UBND thành phố (qua Văn phòng HĐND – UBND thành phố): 6 tháng đầu năm trước ngày 05/7, 6 tháng cuối năm trước ngày 05/01 năm sau (theo Phụ lục 2, Công văn số 2132/BNG-LS ngày 25/6/2020 của Bộ Ngoại giao). Số liệu phát sinh trong kỳ báo cáo; nếu không có, nhập 0.',
  version: 1,
  owedBy: ['police'],
  schedule: {
    kind: 'half_yearly',
    due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
  },
  sections: [
    {
      key: 'labour',
      title: 'Lao động đi làm việc ở nước ngoài theo hợp đồng',
      fields: [
        count(
          'labour_departed',
          'Số người xuất cảnh đi làm việc ở nước ngoài theo hợp đồng',
          'người',
        ),
        count(
          'labour_returned',
          'Số người lao động về nước',
          'người',
          'Người lao động về nước do hết hạn hoặc chấm dứt hợp đồng trước thời hạn.',
        ),
      ],
    },
    {
      key: 'study',
      title: 'Học tập ở nước ngoài',
      fields: [count('study_departed', 'Số người xuất cảnh đi học tập ở nước ngoài', 'người')],
    },
    {
      key: 'family',
      title: 'Kết hôn, nhận con nuôi có yếu tố nước ngoài',
      fields: [
        count(
          'foreign_marriages',
          'Số trường hợp kết hôn có yếu tố nước ngoài',
          'trường hợp',
          'Công dân cư trú trên địa bàn kết hôn với người nước ngoài.',
        ),
        count(
          'foreign_adoptions',
          'Số trường hợp nhận con nuôi có yếu tố nước ngoài',
          'trường hợp',
        ),
      ],
    },
    {
      key: 'illegal_migration',
      title: 'Di cư trái phép',
      fields: [
        count('illegal_migration_cases', 'Số vụ di cư trái phép được phát hiện', 'vụ'),
        count(
          'illegal_migration_people',
          'Số người di cư trái phép được phát hiện',
          'người',
          'Số người trong các vụ việc nêu ở mục trên.',
        ),
        count('illegal_departed', 'Số người xuất cảnh trái phép ra nước ngoài', 'người'),
        count(
          'illegal_returned',
          'Số người di cư trái phép đã trở về',
          'người',
          'Tự trở về hoặc do phía nước ngoài trao trả; tính cả số người được tiếp nhận ở mục dưới.',
        ),
        count(
          'illegal_received_back',
          'Số người do phía nước ngoài trao trả đã được tiếp nhận',
          'người',
        ),
      ],
    },
    {
      key: 'trafficking',
      title: 'Mua bán người',
      fields: [
        count('trafficking_cases', 'Số vụ mua bán người được phát hiện', 'vụ'),
        count('trafficking_victims_identified', 'Số nạn nhân bị mua bán được xác định', 'người'),
        count(
          'trafficking_victims_supported',
          'Số nạn nhân được tiếp nhận, hỗ trợ',
          'người',
          'Trong số nạn nhân được xác định ở mục trên.',
        ),
      ],
    },
    {
      key: 'forced_labour',
      title: 'Lao động cưỡng bức',
      fields: [
        count(
          'forced_labour_cases',
          'Số vụ việc có dấu hiệu cưỡng bức lao động được phát hiện',
          'vụ',
        ),
        count('forced_labour_victims', 'Số người bị cưỡng bức lao động', 'người'),
      ],
    },
    {
      key: 'stateless',
      title: 'Người không quốc tịch',
      fields: [
        count(
          'stateless_people',
          'Số người không quốc tịch đang cư trú trên địa bàn',
          'người',
          'Số người có mặt tại thời điểm cuối kỳ báo cáo.',
        ),
      ],
    },
    {
      key: 'returning_migrants',
      title: 'Người di cư trở về',
      fields: [
        count(
          'returning_migrants',
          'Số người di cư trở về địa phương',
          'người',
          'Công dân của địa phương từ nước ngoài trở về sinh sống (sau lao động, học tập, kết hôn, di cư trái phép…).',
        ),
        count(
          'returning_migrants_reintegrated',
          'Số người di cư trở về được hỗ trợ tái hòa nhập cộng đồng',
          'người',
          'Được hỗ trợ học nghề, việc làm, vay vốn, tư vấn pháp lý, tâm lý… trong kỳ báo cáo.',
        ),
      ],
    },
    {
      key: 'remarks',
      title: 'Ghi chú',
      fields: [
        {
          key: 'notes',
          label: 'Ghi chú, giải trình số liệu',
          type: 'text',
          required: false,
          help: 'Nguồn số liệu, số liệu ước tính hoặc chưa đầy đủ, các vụ việc đáng chú ý.',
        },
      ],
    },
  ],
  rules: [
    {
      key: 'illegal_cases_have_people',
      expression: 'illegal_migration_cases <= illegal_migration_people',
      message:
        'Số vụ di cư trái phép không thể nhiều hơn số người di cư trái phép được phát hiện (mỗi vụ có ít nhất một người).',
    },
    {
      key: 'received_back_within_returned',
      expression: 'illegal_received_back <= illegal_returned',
      message:
        'Số người do phía nước ngoài trao trả đã tính trong số người di cư trái phép trở về, nên không thể lớn hơn số đó.',
    },
    {
      key: 'supported_within_identified',
      expression: 'trafficking_victims_supported <= trafficking_victims_identified',
      message:
        'Số nạn nhân được tiếp nhận, hỗ trợ không thể lớn hơn số nạn nhân bị mua bán được xác định.',
    },
  ],
});

/** The templates a new database starts with. */
export const SEED_REPORT_TEMPLATES: readonly ReportTemplateDefinition[] = Object.freeze([
  PLAN_YEARLY_REPORT_TEMPLATE,
  POLICE_MIGRATION_STATISTICS_TEMPLATE,
]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
