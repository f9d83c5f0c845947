import type { KoaContextWithOIDC } from 'oidc-provider';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A plain server-rendered page: no scripts, no external assets, so the strict CSP holds. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f5f7;margin:0}
main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.3rem;margin:0 0 1.5rem}label{display:block;margin:.8rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
button{margin-top:1.4rem;width:100%;padding:.6rem;font-size:1rem;background:#c62828;color:#fff;border:0;border-radius:4px}
.error{color:#c62828;margin:0 0 1rem}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function logoutPage(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = 'html';
  ctx.body = page(
    '退出登录',
    `<h1>退出登录</h1><p>确认退出减负平台吗？</p>${form}<button form="op.logoutForm" name="logout" value="yes">退出</button>`,
  );
}

export function signedOutPage(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.body = page('已退出', '<h1>已退出</h1><p>您已退出减负平台。</p>');
}

export function errorPageHtml(message: string): string {
  return page('出错了', `<h1>出错了</h1><p>${escapeHtml(message)}</p>`);
}

/** The provider's error page: the OAuth error code only, never internals. */
export function errorPage(ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }): void {
  ctx.type = 'html';
  ctx.body = errorPageHtml(`请求无法完成（${out.error}）。请返回重新登录。`);
}
