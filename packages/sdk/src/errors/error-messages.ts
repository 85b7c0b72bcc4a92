import type { Messages } from '@jembatan/domain';
import type { GraphQLErrorCode } from './error-codes.js';

/**
 * The SDK's own messages, in Bahasa Indonesia (`id`) and English (`en`). They describe what went
 * wrong and what to do; they never contain variables, credentials or response data.
 */

/** Fallback texts for GraphQL error codes when the gateway sent no `extensions.messages`. */
export const GRAPHQL_CODE_MESSAGES: Readonly<Record<GraphQLErrorCode, Messages>> = {
  BAD_USER_INPUT: {
    id: 'Data yang dikirim tidak valid.',
    en: 'The submitted input is invalid.',
  },
  UNAUTHENTICATED: {
    id: 'Permintaan ini memerlukan kredensial yang sah (API key atau token).',
    en: 'This request needs valid credentials (an API key or a bearer token).',
  },
  FORBIDDEN: {
    id: 'Kredensial ini tidak memiliki izin untuk tindakan tersebut.',
    en: 'These credentials are not allowed to perform this action.',
  },
  NOT_FOUND: { id: 'Data yang diminta tidak ditemukan.', en: 'The requested record was not found.' },
  CONFLICT: {
    id: 'Permintaan bertentangan dengan keadaan data saat ini.',
    en: 'The request conflicts with the current state of the data.',
  },
  QUOTA_EXHAUSTED: { id: 'Kuota kursi sudah habis.', en: 'The seat quota is exhausted.' },
  MOU_INVALID_TRANSITION: {
    id: 'Perubahan status MoU ini tidak diperbolehkan.',
    en: 'This MoU status change is not allowed.',
  },
  NIK_INVALID: { id: 'NIK tidak valid.', en: 'The NIK is invalid.' },
  CANDIDATE_NOT_ELIGIBLE: {
    id: 'Calon pekerja belum memenuhi syarat.',
    en: 'The candidate is not eligible.',
  },
  INTERNAL_SERVER_ERROR: {
    id: 'Terjadi kesalahan di server. Sebutkan request id saat melapor.',
    en: 'The server failed. Quote the request id when reporting it.',
  },
  QUERY_TIMEOUT: {
    id: 'Gateway menghentikan kueri karena melewati batas waktunya. Persempit kueri (halaman lebih kecil, lebih sedikit field).',
    en: 'The gateway stopped the query at its time limit. Narrow the query (smaller pages, fewer fields).',
  },
  RATE_LIMITED: {
    id: 'Terlalu banyak permintaan. Coba lagi nanti.',
    en: 'Too many requests. Try again later.',
  },
  SERVICE_UNAVAILABLE: {
    id: 'Layanan sementara tidak tersedia (basis data gateway sedang dipulihkan). Coba lagi setelah waktu pada Retry-After; untuk mutasi, periksa dulu apakah perubahan sudah tersimpan.',
    en: "The service is temporarily unavailable (the gateway's database is recovering). Try again after the Retry-After time; for a mutation, first check whether the change was saved.",
  },
  GRAPHQL_PARSE_FAILED: {
    id: 'Gateway tidak dapat membaca dokumen GraphQL.',
    en: 'The gateway could not parse the GraphQL document.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    id: 'Dokumen GraphQL tidak cocok dengan skema gateway. Perbarui @jembatan/sdk atau periksa kuerinya.',
    en: "The GraphQL document does not match the gateway's schema. Update @jembatan/sdk or check the query.",
  },
  BAD_REQUEST: { id: 'Permintaan HTTP tidak valid.', en: 'The HTTP request is invalid.' },
  UNKNOWN: {
    id: 'Gateway mengembalikan kesalahan yang tidak dikenal.',
    en: 'The gateway returned an unrecognised error.',
  },
};

function describeCause(cause: unknown): string {
  // undici reports "fetch failed" with the socket error (ECONNREFUSED, ENOTFOUND...) as its cause.
  const inner = (cause as { cause?: unknown } | null | undefined)?.cause;
  const innerCode = (inner as { code?: unknown } | null | undefined)?.code;
  if (typeof innerCode === 'string') return innerCode;
  const message = (cause as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message.slice(0, 200) : 'unknown cause';
}

/** The page's origin as the CORS hint names it (`the page's origin`, when the SDK could not read it). */
function pageOriginText(pageOrigin: string | undefined, lang: 'id' | 'en'): string {
  if (pageOrigin === undefined) return lang === 'id' ? 'origin halaman ini' : "this page's origin";
  return lang === 'id' ? `origin halaman ini (${pageOrigin})` : `this page's origin (${pageOrigin})`;
}

export const transportMessages = {
  /**
   * fetch failed. `cors` is given when the failure may be the browser refusing a cross-origin answer
   * (a TypeError in a browser page, gateway on another origin): the message then names the likely cause.
   */
  network(url: string, cause: unknown, cors?: { readonly pageOrigin?: string }): Messages {
    const why = describeCause(cause);
    if (cors !== undefined) {
      return {
        id:
          `Tidak dapat terhubung ke gateway Jembatan di ${url} (${why}). Di peramban, penyebab yang paling umum: ${pageOriginText(cors.pageOrigin, 'id')} ` +
          'tidak diizinkan oleh pengaturan CORS gateway. Tambahkan origin itu ke JEMBATAN_CORS_ORIGINS di gateway (konsol DevTools menampilkan penolakan CORS). ' +
          'Jika bukan itu, periksa alamat URL dan jaringan, atau apakah gateway sedang berjalan.',
        en:
          `Could not reach the Jembatan gateway at ${url} (${why}). In a browser the most common cause is that ${pageOriginText(cors.pageOrigin, 'en')} ` +
          "is not allowed by the gateway's CORS settings: add that origin to JEMBATAN_CORS_ORIGINS on the gateway (the DevTools console shows the CORS refusal). " +
          'Otherwise check the URL and the network, and that the gateway is running.',
      };
    }
    return {
      id: `Tidak dapat terhubung ke gateway Jembatan di ${url} (${why}). Periksa alamat URL dan jaringan, atau apakah gateway sedang berjalan.`,
      en: `Could not reach the Jembatan gateway at ${url} (${why}). Check the URL and the network, and that the gateway is running.`,
    };
  },
  timeout(url: string, timeoutMs: number): Messages {
    return {
      id: `Gateway di ${url} tidak menjawab dalam ${timeoutMs} ms. Coba lagi, atau naikkan timeoutMs.`,
      en: `The gateway at ${url} did not answer within ${timeoutMs} ms. Retry, or raise timeoutMs.`,
    };
  },
  aborted(): Messages {
    return {
      id: 'Permintaan dibatalkan oleh pemanggil (AbortSignal).',
      en: 'The request was cancelled by the caller (AbortSignal).',
    };
  },
  http(url: string, status: number, statusText: string): Messages {
    const hint = httpHint(status);
    const label = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
    return {
      id: `Gateway di ${url} menjawab ${label}. ${hint.id}`,
      en: `The gateway at ${url} answered ${label}. ${hint.en}`,
    };
  },
  invalid(url: string, reason: Messages): Messages {
    return {
      id: `Jawaban gateway di ${url} bukan respons GraphQL yang sah: ${reason.id}`,
      en: `The answer from ${url} is not a valid GraphQL response: ${reason.en}`,
    };
  },
  invalidRequest(reason: Messages): Messages {
    return {
      id: `Permintaan tidak dikirim: ${reason.id}`,
      en: `The request was not sent: ${reason.en}`,
    };
  },
};

function httpHint(status: number): Messages {
  if (status === 401) return { id: 'Periksa apiKey atau token.', en: 'Check apiKey or token.' };
  if (status === 403) return { id: 'Kredensial ini tidak diizinkan.', en: 'These credentials are not allowed.' };
  if (status === 404 || status === 405) {
    return {
      id: 'Pastikan url menunjuk ke endpoint GraphQL (misalnya …/graphql).',
      en: 'Make sure url points at the GraphQL endpoint (for example …/graphql).',
    };
  }
  if (status === 413) return { id: 'Permintaan terlalu besar.', en: 'The request is too large.' };
  if (status === 429) return { id: 'Terlalu banyak permintaan; coba lagi nanti.', en: 'Too many requests; try again later.' };
  if (status >= 500) {
    return {
      id: 'Gateway atau proxy di depannya sedang bermasalah; coba lagi nanti.',
      en: 'The gateway or a proxy in front of it is failing; try again later.',
    };
  }
  return { id: 'Periksa konfigurasi klien.', en: 'Check the client configuration.' };
}
