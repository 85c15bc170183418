import type { TaskStatus, TaskTimeframe, TaskUpdateChannel } from '@gcm/domain';
import { timeframeDueOn } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import { PlanEntity, PlanGroupEntity } from '../../modules/plan/plan.entity';
import { PlanTaskEntity } from '../../modules/plan/plan-task.entity';
import { TaskUpdateEntity } from '../../modules/plan/task-update.entity';
import { DEMO_UNITS } from './demo-units';

/**
 * "Các phòng, ban, đơn vị, ngành, đoàn thể thành phố và UBND các xã, phường": every demo unit
 * under the city (departments, bodies, wards and communes) other than the task's lead unit.
 */
export const EVERY_CITY_UNIT = 'every-city-unit';

export interface DemoTask {
  code: string;
  title: string;
  description: string;
  /** Unit codes from DEMO_UNITS. */
  lead: string;
  coordinating: string[] | typeof EVERY_CITY_UNIT;
  status: TaskStatus;
}

export interface DemoGroup {
  ordinal: number;
  title: string;
  timeframe: TaskTimeframe;
  tasks: DemoTask[];
}

export interface DemoUpdate {
  taskCode: string;
  unit: string;
  channel: TaskUpdateChannel;
  text: string;
  createdAt: string;
}

/**
 * The Bắc Kạn city plan of 17/7/2020 (seeds/002): its five task groups (part II), each task
 * with the lead and coordinating units its "Phân công" paragraph names and the group's
 * timeframe. Where the plan gives a job to every unit alike (task 2.1), the Văn phòng HĐND –
 * UBND, which the plan charges with following up its execution (part III.5), leads it.
 */
export const DEMO_PLAN = {
  // The number is handwritten on the signed copy and cannot be read; the symbol is printed.
  number: '…/KH-UBND',
  title:
    'Kế hoạch triển khai Thỏa thuận toàn cầu về Di cư hợp pháp, an toàn và trật tự của Liên hợp quốc giai đoạn 2020 – 2030 trên địa bàn thành phố Bắc Kạn',
  issuingUnitCode: 'TP-BK',
  startYear: 2020,
  endYear: 2030,
  issuedOn: '2020-07-17',
};

export const DEMO_PLAN_GROUPS: DemoGroup[] = [
  {
    ordinal: 1,
    title: 'Tuyên truyền, phổ biến thông tin về Thỏa thuận GCM và các vấn đề di cư quốc tế',
    timeframe: { kind: 'ongoing' },
    tasks: [
      {
        code: '1.1',
        title: 'Tham mưu tổ chức tập huấn, tuyên truyền về nội dung Thỏa thuận GCM',
        description:
          'Bám sát hướng dẫn của Sở Thông tin và Truyền thông, tham mưu UBND thành phố tổ chức tập huấn, tuyên truyền về Thỏa thuận GCM và các vấn đề di cư quốc tế (rủi ro khi di cư trái phép, nguy cơ mua bán người, hoạt động đưa người đi làm việc ở nước ngoài, chính sách hỗ trợ…), với nội dung phù hợp giới tính, độ tuổi, dân tộc và đặc điểm từng địa phương; nâng cao năng lực cán bộ các cấp, nhất là cấp cơ sở.',
        lead: 'TP-VHTT',
        coordinating: EVERY_CITY_UNIT,
        status: 'in_progress',
      },
      {
        code: '1.2',
        title:
          'Đăng tải thông tin về di cư trên các phương tiện truyền thông đại chúng của địa phương',
        description:
          'Thực hiện các chương trình phát thanh, truyền hình, tin, bài và chuyên mục về di cư hợp pháp, an toàn; di cư trái phép và đưa người di cư trái phép; mua bán người, bóc lột, lạm dụng lao động; các rủi ro trong quá trình di cư; quyền và lợi ích của người di cư.',
        lead: 'TP-TTVHTT',
        coordinating: EVERY_CITY_UNIT,
        status: 'in_progress',
      },
      {
        code: '1.3',
        title: 'Vận động người dân nâng cao nhận thức về di cư hợp pháp, an toàn và trật tự',
        description:
          'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố chủ trì, phối hợp với các tổ chức chính trị – xã hội tuyên truyền, vận động người dân nâng cao nhận thức về di cư hợp pháp, an toàn và trật tự.',
        lead: 'TP-MTTQ',
        coordinating: EVERY_CITY_UNIT,
        status: 'in_progress',
      },
    ],
  },
  {
    ordinal: 2,
    title: 'Tham gia xây dựng, hoàn thiện hệ thống chính sách, pháp luật có liên quan',
    timeframe: { kind: 'ongoing' },
    tasks: [
      {
        code: '2.1',
        title: 'Triển khai các chương trình, kế hoạch về di cư quốc tế đã được phê duyệt',
        description:
          'Các phòng, ban, đơn vị, ngành, đoàn thể thành phố và UBND các xã, phường triển khai hiệu quả các chương trình, kế hoạch liên quan đến di cư quốc tế đã được phê duyệt; Văn phòng HĐND – UBND thành phố theo dõi, đôn đốc.',
        lead: 'TP-VP',
        coordinating: EVERY_CITY_UNIT,
        status: 'in_progress',
      },
      {
        code: '2.2',
        title: 'Góp ý dự thảo văn bản, rà soát văn bản quy phạm pháp luật về di cư quốc tế',
        description:
          'Nghiên cứu, tham gia góp ý các dự thảo văn bản về quản lý người nước ngoài, lao động di cư, quốc tịch, hộ tịch của người di cư và các vấn đề di cư quốc tế khác; chủ động rà soát, tổng hợp các văn bản quy phạm pháp luật liên quan để kiến nghị cấp có thẩm quyền sửa đổi, bổ sung, bãi bỏ hoặc ban hành mới.',
        lead: 'TP-TP',
        coordinating: ['TP-LDTBXH', 'TP-VP', 'TP-GDDT', 'TP-TCKH', 'TP-TNMT', 'TP-CA', 'TP-HLHPN'],
        status: 'in_progress',
      },
      {
        code: '2.3',
        title:
          'Rà soát, hoàn thiện các giải pháp, chính sách kinh tế – xã hội phù hợp với thành phố',
        description:
          'Rà soát, hoàn thiện, ban hành đồng bộ các giải pháp, chính sách về giảm nghèo, an sinh xã hội gắn với việc làm bền vững, bình đẳng giới và nâng cao vị thế cho phụ nữ, trẻ em.',
        lead: 'TP-LDTBXH',
        coordinating: EVERY_CITY_UNIT,
        status: 'not_started',
      },
    ],
  },
  {
    ordinal: 3,
    title: 'Nắm chắc tình hình an ninh, trật tự liên quan đến hoạt động di cư tại địa phương',
    timeframe: { kind: 'until', until: '2022' },
    tasks: [
      {
        code: '3.1',
        title: 'Rà soát, cập nhật thông tin, dữ liệu về di cư trên địa bàn thành phố',
        description:
          'Theo dõi, rà soát, cập nhật thông tin, dữ liệu về di cư quốc tế: lao động; học tập; kết hôn, nhận con nuôi có yếu tố nước ngoài; di cư trái phép; mua bán người; lao động cưỡng bức; người không quốc tịch; người di cư trở về.',
        lead: 'TP-CA',
        coordinating: EVERY_CITY_UNIT,
        status: 'in_progress',
      },
      {
        code: '3.2',
        title: 'Lồng ghép nội dung về di cư trong các cuộc tổng điều tra dân số và nhà ở',
        description:
          'Nghiên cứu bổ sung điều tra về tình trạng di cư: nguyên nhân di cư; ngày xuất cảnh, nhập cảnh gần nhất; quốc gia cư trú trong 5 năm trước tổng điều tra.',
        lead: 'TP-TCKH',
        coordinating: [],
        status: 'done',
      },
      {
        code: '3.3',
        title:
          'Ứng dụng công nghệ thông tin trong đăng ký và hỗ trợ công dân Việt Nam ở nước ngoài',
        description:
          'Phối hợp các cơ quan, đơn vị liên quan ứng dụng công nghệ thông tin trong việc đăng ký và hỗ trợ công dân Việt Nam ở nước ngoài, gồm thông tin cơ bản về công dân di cư ra nước ngoài với các mục đích khác nhau.',
        lead: 'TP-VP',
        coordinating: [],
        status: 'blocked',
      },
    ],
  },
  {
    ordinal: 4,
    title:
      'Lồng ghép việc thực hiện Thỏa thuận GCM với các chương trình phát triển kinh tế – xã hội tại địa phương',
    timeframe: { kind: 'ongoing' },
    tasks: [
      {
        code: '4.1',
        title: 'Tính đến yếu tố di cư trong các chương trình phát triển kinh tế – xã hội',
        description:
          'Đánh giá các chương trình phát triển kinh tế – xã hội có tính đến yếu tố di cư của công dân ra nước ngoài; xác định ưu tiên, nhiệm vụ trọng tâm; ban hành giải pháp, chính sách: thu hút đầu tư gắn với giải quyết việc làm tại chỗ, hỗ trợ tài chính, dạy nghề, chuyển đổi nghề, tư vấn việc làm, hỗ trợ người di cư trở về tái hòa nhập, chăm sóc sức khỏe.',
        lead: 'TP-TCKH',
        coordinating: EVERY_CITY_UNIT,
        status: 'in_progress',
      },
      {
        code: '4.2',
        title: 'Nghiên cứu giải pháp giúp người nước ngoài hòa nhập với cộng đồng địa phương',
        description:
          'Nghiên cứu, xây dựng các giải pháp tạo điều kiện cho người nước ngoài hòa nhập, gắn kết với cộng đồng người dân tại địa phương.',
        lead: 'TP-TCKH',
        coordinating: EVERY_CITY_UNIT,
        status: 'not_started',
      },
    ],
  },
  {
    ordinal: 5,
    title: 'Tăng cường hợp tác quốc tế trong việc thực hiện Thỏa thuận GCM',
    timeframe: { kind: 'ongoing' },
    tasks: [
      {
        code: '5.1',
        title: 'Triển khai các điều ước, thỏa thuận quốc tế về di cư theo hướng dẫn của tỉnh',
        description:
          'Bám sát hướng dẫn của Văn phòng Đoàn Đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh: nghiên cứu, đề xuất ký kết và triển khai hiệu quả các điều ước, thỏa thuận, cam kết quốc tế về di cư mà Việt Nam là thành viên; đánh giá kết quả, đề xuất giải pháp.',
        lead: 'TP-VP',
        coordinating: [],
        status: 'not_started',
      },
    ],
  },
];

/** A few progress updates, as units would post them (no author: nobody signed in posted them). */
export const DEMO_UPDATES: DemoUpdate[] = [
  {
    taskCode: '1.1',
    unit: 'TP-VHTT',
    channel: 'console',
    text: 'Đã tham mưu UBND thành phố tổ chức 01 hội nghị tập huấn về Thỏa thuận GCM cho 60 cán bộ các phòng, ban và UBND các xã, phường.',
    createdAt: '2021-10-20T09:15:00+07:00',
  },
  {
    taskCode: '1.3',
    unit: 'P-DUCXUAN',
    channel: 'zalo',
    text: 'Phối hợp Ban công tác Mặt trận các tổ dân phố tổ chức 03 buổi tuyên truyền về di cư an toàn, phòng, chống mua bán người; khoảng 180 lượt người dự.',
    createdAt: '2022-05-12T16:40:00+07:00',
  },
  {
    taskCode: '3.1',
    unit: 'P-SONGCAU',
    channel: 'telegram',
    text: 'Đã rà soát danh sách công dân của phường đang ở nước ngoài (lao động, học tập, kết hôn) và gửi Công an thành phố tổng hợp.',
    createdAt: '2022-06-28T10:05:00+07:00',
  },
  {
    taskCode: '3.1',
    unit: 'TP-CA',
    channel: 'telegram',
    text: 'Đã cập nhật số liệu 6 tháng đầu năm: 12 công dân đi làm việc ở nước ngoài theo hợp đồng, 03 trường hợp kết hôn với người nước ngoài; chưa phát hiện trường hợp mua bán người.',
    createdAt: '2022-07-04T08:30:00+07:00',
  },
  {
    taskCode: '3.3',
    unit: 'TP-VP',
    channel: 'console',
    text: 'Tỉnh chưa có phần mềm dùng chung để đăng ký công dân ở nước ngoài; đã đề nghị Sở Thông tin và Truyền thông hướng dẫn.',
    createdAt: '2022-09-15T14:00:00+07:00',
  },
];

/** Loads the demo plan in the caller's transaction; `unitIds` maps DEMO_UNITS codes to ids. */
export async function loadDemoPlan(
  manager: EntityManager,
  unitIds: ReadonlyMap<string, string>,
): Promise<{ tasks: number; updates: number }> {
  const unit = (code: string): string => {
    const id = unitIds.get(code);
    if (!id) throw new Error(`The demo plan names unit ${code}, which is not in DEMO_UNITS`);
    return id;
  };
  const { issuingUnitCode, ...fields } = DEMO_PLAN;
  const cityUnits = DEMO_UNITS.filter((u) => u.parentCode === issuingUnitCode);
  const plan = await manager.save(
    manager.create(PlanEntity, { ...fields, issuingUnitId: unit(issuingUnitCode) }),
  );
  const taskIds = new Map<string, string>();
  for (const demoGroup of DEMO_PLAN_GROUPS) {
    const group = await manager.save(
      manager.create(PlanGroupEntity, {
        planId: plan.id,
        ordinal: demoGroup.ordinal,
        title: demoGroup.title,
      }),
    );
    for (const demoTask of demoGroup.tasks) {
      const coordinating =
        demoTask.coordinating === EVERY_CITY_UNIT
          ? cityUnits.map((u) => u.code).filter((code) => code !== demoTask.lead)
          : demoTask.coordinating;
      const task = await manager.save(
        manager.create(PlanTaskEntity, {
          planId: plan.id,
          groupId: group.id,
          code: demoTask.code,
          title: demoTask.title,
          description: demoTask.description,
          leadUnitId: unit(demoTask.lead),
          timeframe: demoGroup.timeframe,
          dueOn: timeframeDueOn(demoGroup.timeframe),
          status: demoTask.status,
        }),
      );
      await manager
        .createQueryBuilder()
        .relation(PlanTaskEntity, 'coordinatingUnits')
        .of(task.id)
        .add(coordinating.map(unit));
      taskIds.set(demoTask.code, task.id);
    }
  }
  for (const update of DEMO_UPDATES) {
    await manager.insert(TaskUpdateEntity, {
      taskId: taskIds.get(update.taskCode)!,
      unitId: unit(update.unit),
      authorId: null,
      channel: update.channel,
      text: update.text,
      createdAt: new Date(update.createdAt),
    });
  }
  return { tasks: taskIds.size, updates: DEMO_UPDATES.length };
}
