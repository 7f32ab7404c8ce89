import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the API server runs in development (override with LINSHE_API_URL). */
const API = process.env.LINSHE_API_URL ?? 'http://127.0.0.1:3000';

/** Splits the big vendor libraries into their own long-cached chunks. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/.test(id)) return 'antd';
  if (/node_modules[\\/](echarts|zrender)[\\/]/.test(id)) return 'echarts';
  if (/node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/.test(id)) return 'react';
  if (/node_modules[\\/](i18next|react-i18next|@tanstack)[\\/]/.test(id)) return 'vendor';
  return undefined;
}

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
    },
  },
  server: {
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/healthz': { target: API, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/healthz': { target: API, changeOrigin: false },
    },
  },
});
