import type { EntityManager } from 'typeorm';

/**
 * The emergency route: who to call when in danger, given before any handoff when there is no
 * ready answer or a message sounds like danger. Content, not code: a published warning with this
 * key, which staff edit like any other (Bài viết & cảnh báo); seeded at the first start.
 */
export const EMERGENCY_ROUTE_KEY = 'emergency-route';

// The route names the foreign ministry's citizen-protection hotline as its official sources give
// it: the ministry's document No. 2544/BNG-LS of 17/7/2015, as a provincial Department of
// Foreign Affairs published it, and an embassy's page on the ministry's site. Like all starter
// content it is checked by staff before real use (docs/guides/staff.md); the console's dashboard
// asks for a hotline again whenever the route stops naming one (namesHotline).
export const EMERGENCY_ROUTE_SEED = {
  title: 'Khi gặp nguy hiểm: gọi ai',
  body:
    '**Nếu bạn đang gặp nguy hiểm** (bị giữ, bị nhốt, bị đánh, bị đòi tiền chuộc, bị lừa):\n' +
    '- Ở Việt Nam: gọi ngay **113** (Công an).\n' +
    '- Ở nước ngoài: gọi số khẩn cấp của cảnh sát nước sở tại; gọi đường dây nóng bảo hộ công ' +
    'dân của Bộ Ngoại giao **+84 981 84 84 84** (24/24 giờ); và báo ngay Đại sứ quán hoặc Tổng ' +
    'Lãnh sự quán Việt Nam gần nhất (ở Đài Loan: Văn phòng Kinh tế và Văn hóa Việt Nam tại Đài ' +
    'Bắc).\n\n' +
    'Nếu có thể, hãy cho cán bộ biết bạn đang ở đâu.',
};

/** Creates the emergency route article when there is none (first start, or deleted by mistake). */
export async function seedEmergencyRoute(manager: EntityManager): Promise<boolean> {
  const created: unknown[] = await manager.query(
    `INSERT INTO articles (kind, key, title, body, status, published_at)
     SELECT 'warning', $1::varchar, $2::varchar, $3::text, 'published', now()
     WHERE NOT EXISTS (SELECT 1 FROM articles WHERE key = $1::varchar)
     RETURNING id`,
    [EMERGENCY_ROUTE_KEY, EMERGENCY_ROUTE_SEED.title, EMERGENCY_ROUTE_SEED.body],
  );
  return created.length > 0;
}

/** The emergency route as published now, or undefined (then the bot's built-in sentence). */
export async function emergencyRoute(manager: EntityManager): Promise<string | undefined> {
  return (await publishedEmergencyRoute(manager))?.body;
}

/** The published emergency route article, or undefined when it is archived or was deleted. */
export async function publishedEmergencyRoute(
  manager: EntityManager,
): Promise<{ id: string; body: string } | undefined> {
  const [row]: { id: string; body: string }[] = await manager.query(
    `SELECT id, body FROM articles WHERE key = $1 AND status = 'published'`,
    [EMERGENCY_ROUTE_KEY],
  );
  return row;
}
