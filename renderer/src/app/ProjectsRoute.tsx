import { useNavigate } from 'react-router';
import { ImportBundleButton } from '../features/bundles/BundleButtons';
import { ProjectsPage } from '../features/projects/ProjectsPage';

/** The projects list with bundle import beside "New project" (features are composed here). */
export function ProjectsRoute() {
  const navigate = useNavigate();
  return (
    <ProjectsPage headerExtra={<ImportBundleButton onImported={(id) => navigate(`/projects/${id}/dashboard`)} />} />
  );
}
