// Expected messages of cases-helm.ts (Helm cluster connections): exact messages, reviewed one by one;
// each names the connection's construct path and the option the caller left out.
export const HELM_EXPECTED: Readonly<Record<string, string>> = {
  "helm: GKE connection without options":
    "[s/Gke] clusterName: received undefined. Allowed: a non-empty value. Fix: pass the GKE cluster name.",
  "helm: GKE connection without cluster name":
    "[s/Gke] clusterName: received undefined. Allowed: a non-empty value. Fix: pass the GKE cluster name.",
  "helm: GKE connection with an empty location":
    "[s/Gke] location: received undefined. Allowed: a non-empty value. Fix: pass the cluster's region (regional cluster) or zone (zonal cluster).",
};
