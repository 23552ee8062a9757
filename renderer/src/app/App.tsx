import { HashRouter, Route, Routes } from 'react-router';
import { ProjectsRoute } from './ProjectsRoute';
import { SettingsPage } from '../features/settings/SettingsPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { RulesPacksPage } from '../features/rules/RulesPacksPage';
import { ProjectPage } from './ProjectPage';
import { Shell } from './Shell';

/** Routes: hash-based, because the app is served as static files from app:// and from the browser host. */
export function App() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<ProjectsRoute />} />
          <Route path="projects/:id/:tab?" element={<ProjectPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="verify" element={<VerifyPage />} />
          <Route path="rules" element={<RulesPacksPage />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
