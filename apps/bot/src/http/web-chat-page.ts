/** The placeholder page at `/` until the portal web chat lands. Vietnamese first. */
export const WEB_CHAT_PLACEHOLDER_HTML = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Hỏi đáp về di cư an toàn – GCM Helpdesk</title>
    <style>
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
        background: #f5f7fa; color: #1f2933; line-height: 1.5; }
      main { max-width: 36rem; margin: 10vh auto; padding: 2rem; background: #fff;
        border-radius: 0.5rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
      h1 { font-size: 1.5rem; margin-top: 0; color: #0b4f8a; }
    </style>
  </head>
  <body>
    <main>
      <h1>Hỏi đáp về di cư an toàn</h1>
      <p>Khung trò chuyện trên trang web sắp ra mắt.</p>
      <p>Bạn sẽ có thể hỏi về đi làm việc, học tập ở nước ngoài, kết hôn với người nước ngoài,
        thị thực, phòng chống mua bán người và nơi nhận hỗ trợ.</p>
    </main>
  </body>
</html>
`;
