/**
 * The bot's home page: a Vietnamese demo of the portal widget, so that anyone can try the web
 * chat at http://localhost:3001/ exactly as a portal page embeds it (one script tag).
 */
export const DEMO_PAGE_HTML = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Hỏi đáp về di cư an toàn – GCM Helpdesk</title>
    <style>
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
        background: #f5f7fa; color: #1f2933; line-height: 1.55; }
      main { max-width: 40rem; margin: 8vh auto; padding: 2rem; background: #fff;
        border-radius: 0.5rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
      h1 { font-size: 1.5rem; margin-top: 0; color: #0b4f8a; }
      code { background: #eef2f6; padding: 0.1rem 0.3rem; border-radius: 0.25rem; font-size: 0.9em;
        word-break: break-all; }
    </style>
  </head>
  <body>
    <main>
      <h1>Hỏi đáp về di cư an toàn</h1>
      <p>Đây là trang thử khung hỏi đáp dành cho cổng thông tin điện tử. Bấm nút
        <strong>Hỏi đáp</strong> ở góc dưới bên phải để đặt câu hỏi về đi làm việc, học tập ở nước
        ngoài, kết hôn với người nước ngoài, thị thực, phòng chống mua bán người và nơi nhận hỗ trợ.</p>
      <p>Nếu cần, bấm <strong>Gặp cán bộ</strong> để chuyển câu hỏi cho cán bộ; câu trả lời của cán
        bộ sẽ hiện trong khung này.</p>
      <p>Để gắn khung hỏi đáp vào một trang web khác, chỉ cần thêm một dòng:</p>
      <p><code>&lt;script src="ĐỊA_CHỈ_BOT/web/widget.js" defer&gt;&lt;/script&gt;</code></p>
    </main>
    <script src="/web/widget.js" defer></script>
  </body>
</html>
`;

/** Only this server's own script, fetches and the widget's styles may run on the demo page. */
export const DEMO_PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; " +
  "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
