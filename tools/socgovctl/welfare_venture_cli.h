// Plumbing of the "socgovctl wv" commands (welfare_venture_cli.cc): the WelfareVentureService stub,
// its unary calls, and requests filled from flags by reflection — one flag per scalar field of the
// request (and of the one message it carries, e.g. --place for activity.place), spelled with
// dashes, enums as their value names without the prefix, repeated scalars as comma-separated lists
// — plus --json for the whole request (repeated messages such as a contract's tranches).
#pragma once

#include <memory>
#include <string>

#include "cli.h"
#include "commands.h"
#include "platform/config/config.h"
#include "socgov/welfare_venture/v1/welfare_venture_service.grpc.pb.h"

namespace socgov::ctl {

namespace wvpb = ::socgov::welfare_venture::v1;
using WvStub = wvpb::WelfareVentureService::Stub;

template <typename Request, typename Response>
using WvMethod = grpc::Status (WvStub::*)(grpc::ClientContext*, const Request&, Response*);

std::unique_ptr<WvStub> WelfareVentureStub(const Context& ctx);

// One unary welfare-venture RPC; throws RpcFailure when it fails.
template <typename Request, typename Response>
Response WvCall(const Context& ctx, WvStub& stub, WvMethod<Request, Response> method,
                const Request& request) {
  Response response;
  grpc::ClientContext call;
  PrepareCall(ctx, &call);
  grpc::Status status = (stub.*method)(&call, request, &response);
  if (!status.ok()) throw RpcFailure(status);
  return response;
}

// The request from --json, then each flag given (ConfigError naming the flag when a value does not
// parse); request_id defaults to a new UUIDv7.
void FillRequest(const config::Config& flags, google::protobuf::Message* request);
// The flags of a request type (see the header comment): booleans take true | false, repeated
// scalars a comma-separated list.
std::vector<config::Option> RequestOptions(const google::protobuf::Descriptor& descriptor);
// A write without --version names the current version of its round, application or project,
// read first (as reg's and sup's commands do).
void FillVersion(const Context& ctx, WvStub& stub, const config::Config& flags,
                 google::protobuf::Message* request);

// The "wv" group, one command per RPC.
std::vector<Command> WelfareVentureCommands();

// socgovctl demo welfare-venture (welfare_venture_demo.cc).
int DemoWelfareVenture(const Context& ctx, const config::Config& flags);

}  // namespace socgov::ctl
