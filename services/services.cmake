# services/services.json for CMake (included by the top-level CMakeLists.txt after services/):
#   SOCGOV_SERVICES_MANIFEST  the manifest's path (tests/e2e/stack.h reads it at run time)
#   SOCGOV_SERVICE_TARGETS    each service's binary target: the file name of its `binary`, which
#                             must be where CMake builds it (tools/dev and the e2e stack start it)
#   socgov-services           a target that builds them all (deploy/Dockerfile)
set(SOCGOV_SERVICES_MANIFEST ${CMAKE_CURRENT_LIST_DIR}/services.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${SOCGOV_SERVICES_MANIFEST})
file(READ ${SOCGOV_SERVICES_MANIFEST} services_json)
string(JSON service_count LENGTH "${services_json}" services)
set(SOCGOV_SERVICE_TARGETS "")
math(EXPR last_service "${service_count} - 1")
foreach(i RANGE ${last_service})
  string(JSON service_binary GET "${services_json}" services ${i} binary)
  get_filename_component(service_target ${service_binary} NAME)
  if(NOT TARGET ${service_target})
    message(FATAL_ERROR "services/services.json: ${service_binary}: no CMake target ${service_target}")
  endif()
  get_target_property(service_dir ${service_target} BINARY_DIR)
  get_target_property(service_out_dir ${service_target} RUNTIME_OUTPUT_DIRECTORY)
  get_target_property(service_out_name ${service_target} OUTPUT_NAME)
  if(service_out_dir OR service_out_name OR
     NOT "${service_dir}/${service_target}" STREQUAL "${CMAKE_BINARY_DIR}/${service_binary}")
    message(FATAL_ERROR "services/services.json: ${service_binary} is not where CMake builds "
      "${service_target} (${service_dir}/${service_target}, unless OUTPUT_NAME or "
      "RUNTIME_OUTPUT_DIRECTORY moves it)")
  endif()
  list(APPEND SOCGOV_SERVICE_TARGETS ${service_target})
endforeach()
add_custom_target(socgov-services DEPENDS ${SOCGOV_SERVICE_TARGETS})
