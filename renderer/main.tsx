import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')!).render(<div>HealthPlan 卫健资源规划台</div>);
