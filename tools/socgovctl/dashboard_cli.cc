// socgovctl dash: the dashboard's queries (DashboardService), the request filled from flags as the
// wv commands do (welfare_venture_cli.h FillRequest), the answer printed as JSON.
#include "dashboard_cli.h"

#include "socgov/dashboard/v1/dashboard_service.grpc.pb.h"
#include "welfare_venture_cli.h"

namespace socgov::ctl {
namespace {

namespace dpb = ::socgov::dashboard::v1;
using DashStub = dpb::DashboardService::Stub;
using config::Config;

template <typename Request, typename Response>
int Query(const Context& ctx, const Config& flags,
          grpc::Status (DashStub::*method)(grpc::ClientContext*, const Request&, Response*)) {
  Request request;
  FillRequest(flags, &request);
  auto stub = dpb::DashboardService::NewStub(Dial(ctx.dashboard_addr));
  Response response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  if (auto status = ((*stub).*method)(&call, request, &response); !status.ok())
    throw RpcFailure(status);
  PrintJson(ctx, response);
  return kExitOk;
}

int Kpis(const Context& ctx, const Config& flags) { return Query(ctx, flags, &DashStub::ListKpis); }
int Snapshot(const Context& ctx, const Config& flags) {
  return Query(ctx, flags, &DashStub::GetSnapshot);
}
int Series(const Context& ctx, const Config& flags) {
  return Query(ctx, flags, &DashStub::GetSeries);
}

}  // namespace

std::vector<Command> DashboardCommands() {
  return {
      {"dash",
       "kpis",
       "the KPI catalogue: definitions, sources, units, how each adds up",
       RequestOptions(*dpb::ListKpisRequest::descriptor()),
       {},
       &Kpis},
      {"dash",
       "snapshot",
       "every figure of a jurisdiction as of a day (a city: summed districts)",
       RequestOptions(*dpb::GetSnapshotRequest::descriptor()),
       {},
       &Snapshot},
      {"dash",
       "series",
       "one KPI per day over a period (--kpi --from --to)",
       RequestOptions(*dpb::GetSeriesRequest::descriptor()),
       {},
       &Series},
  };
}

}  // namespace socgov::ctl
