import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Filler, Legend, LinearScale, LineController,
  LineElement, type Plugin, PointElement, Tooltip,
} from 'chart.js';

// Only what the dashboard draws, registered once (keeps the bundle small).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);

// A white background drawn on the canvas itself, so an exported PNG is not transparent.
const whiteBackground: Plugin = {
  id: 'dyadBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
Chart.register(whiteBackground);

Chart.defaults.animation = false; // drawn at once: no motion, and "charts drawn" is a moment we can measure
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font-ui').trim() || 'system-ui, sans-serif';
Chart.defaults.color = '#333';

export { Chart };
